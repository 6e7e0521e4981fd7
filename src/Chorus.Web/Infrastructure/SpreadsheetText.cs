namespace Chorus.Web.Infrastructure;

/// <summary>
/// A cell a spreadsheet will not run: text someone typed that starts like a formula (=, +, -, @, a tab or a return) gets
/// a leading apostrophe, as the CSV exports' writer does (<see cref="CsvDownload"/>), for the files written without it (XLSX).
/// </summary>
internal static class SpreadsheetText
{
    public static string Safe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text ?? "";
}
