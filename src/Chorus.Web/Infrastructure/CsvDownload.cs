using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Every CSV file the site sends, from a page handler (<see cref="IActionResult"/>) or an endpoint (<see cref="IResult"/>):
/// streamed from the rows as they are read, never held whole in memory.
/// </summary>
internal static class CsvDownload
{
    /// <summary>
    /// Formulas are escaped so a spreadsheet never runs a cell that a signer or an editor typed (=HYPERLINK…), and a
    /// byte order mark tells Excel the file is UTF-8.
    /// </summary>
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static CsvFile<T> File<T>(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string[]> fields) =>
        new(fileName, header, rows, fields);

    /// <summary>
    /// Writes every record asynchronously: the writer empties its buffer into the stream whenever it fills (every 64 KiB),
    /// and the server refuses a synchronous write to a response, which used to cut exports off after their first 61 KB.
    /// </summary>
    public static async Task WriteAsync<T>(Stream output, string[] header, IAsyncEnumerable<T> rows, Func<T, string[]> fields, CancellationToken ct)
    {
        await using var writer = CsvWriter.Create(output, Options, leaveOpen: true);
        await writer.WriteRecordAsync(header, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteRecordAsync(fields(row), ct);
        }
        await writer.FlushAsync(ct);
    }
}

internal sealed class CsvFile<T>(string fileName, string[] header, IAsyncEnumerable<T> rows, Func<T, string[]> fields) : IActionResult, IResult
{
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        // filename* as well, so a name with an Arabic or Chinese slug is neither mangled nor refused by the server.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        return CsvDownload.WriteAsync(response.Body, header, rows, fields, httpContext.RequestAborted);
    }
}
