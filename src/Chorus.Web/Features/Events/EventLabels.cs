namespace Chorus.Web.Features.Events;

/// <summary>English names of formats and kinds; each is a key of the shared interface strings.</summary>
internal static class EventLabels
{
    public static string Of(EventFormat format) => format switch
    {
        EventFormat.InPerson => "In person",
        _ => format.ToString(),
    };
}
