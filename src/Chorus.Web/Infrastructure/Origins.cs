namespace Chorus.Web.Infrastructure;

internal static class Origins
{
    /// <summary>The site's own scheme and host as this request reached it ("https://coalition.org"), for absolute links.</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
