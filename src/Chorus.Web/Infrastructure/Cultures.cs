using System.Globalization;

namespace Chorus.Web.Infrastructure;

internal static class Cultures
{
    /// <summary>
    /// Switches the UI culture (what localizers answer in) to <paramref name="culture"/> until disposed, for text written
    /// for someone else: an email in the recipient's language, a column heading in each language.
    /// </summary>
    public static IDisposable Speak(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return new Restore(previous);
    }

    private sealed class Restore(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }

    /// <summary>
    /// Switches both the UI culture and the formatting culture (dates, numbers; Arabic on the Gregorian calendar, as
    /// <see cref="Create"/> makes it) until disposed: for a whole text written for someone else, such as an email.
    /// </summary>
    public static IDisposable Write(string culture)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = Create(culture);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return new RestoreBoth(previous.CurrentCulture, previous.CurrentUICulture);
    }

    private sealed class RestoreBoth(CultureInfo culture, CultureInfo uiCulture) : IDisposable
    {
        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
    }

    /// <summary>The resource key of a language's name, so it reads in the reader's language ("anglais").</summary>
    public static string NameKey(string culture) => culture switch
    {
        "en" => "English",
        "fr" => "French",
        "es" => "Spanish",
        "ar" => "Arabic",
        "zh" => "Chinese",
        "ru" => "Russian",
        _ => NativeName(culture),
    };

    /// <summary>A language's name in itself, for the language switcher ("Français", "العربية").</summary>
    public static string NativeName(string culture)
    {
        var name = CultureInfo.GetCultureInfo(culture).NativeName;
        return name.Length == 0 ? culture : string.Concat(char.ToUpper(name[0], CultureInfo.GetCultureInfo(culture)).ToString(), name.AsSpan(1));
    }

    /// <summary>
    /// The CultureInfo used to format dates and numbers. Arabic is pinned to the Gregorian calendar:
    /// the coalition's dates are UN dates, and some Arabic locales default to the Hijri calendar.
    /// </summary>
    public static CultureInfo Create(string name)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (culture.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() ?? new GregorianCalendar();
        }
        return culture;
    }

    /// <summary>A language .NET knows (with predefined cultures only, as the app runs), such as en or zh.</summary>
    public static bool IsKnown(string culture)
    {
        try
        {
            return culture.Length > 0 && CultureInfo.GetCultureInfo(culture, predefinedOnly: true).Name.Length > 0;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    public static bool IsRightToLeft(string culture) => CultureInfo.GetCultureInfo(culture).TextInfo.IsRightToLeft;

    /// <summary>The lang attribute of text in <paramref name="text"/> shown on a page in <paramref name="page"/>: none when they agree.</summary>
    public static string? LangOf(string text, string page) => text == page ? null : text;

    /// <summary>
    /// The dir attribute of such text: its own direction when it is in another language (an English title in an Arabic page
    /// reads left to right, so its punctuation is not flipped); none when the languages agree.
    /// </summary>
    public static string? DirOf(string text, string page) => text == page ? null : IsRightToLeft(text) ? "rtl" : "ltr";

    /// <summary>
    /// A localised pattern around a text that may be in another language ("Register: {0}"): everything encoded, the text
    /// marked with its lang and dir when its language is not the page's.
    /// </summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent Around(string pattern, string text, string textCulture, string page)
    {
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var inner = LangOf(textCulture, page) is { } lang
            ? $"<span lang=\"{lang}\" dir=\"{DirOf(textCulture, page)}\">{encoder.Encode(text)}</span>"
            : encoder.Encode(text);
        return new Microsoft.AspNetCore.Html.HtmlString(string.Join(inner, pattern.Split("{0}").Select(encoder.Encode)));
    }
}
