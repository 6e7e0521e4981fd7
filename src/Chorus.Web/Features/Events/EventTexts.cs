namespace Chorus.Web.Features.Events;

/// <summary>An event's words in the best language available for a reader.</summary>
internal sealed record EventText(string Title, string? Summary, string BodyHtml, string Culture);

internal static class EventTexts
{
    /// <summary>The original or a translation, whichever comes first in the reader's chain of languages.</summary>
    public static EventText Best(Event e, IReadOnlyList<string> chain)
    {
        foreach (var culture in chain)
        {
            if (culture == e.Culture)
            {
                break;
            }
            if (e.Translations.FirstOrDefault(t => t.Culture == culture) is { } t)
            {
                return new EventText(t.Title, t.Summary, t.BodyHtml.Length > 0 ? t.BodyHtml : e.BodyHtml, t.Culture);
            }
        }
        return new EventText(e.Title, e.Summary, e.BodyHtml, e.Culture);
    }
}
