namespace Chorus.Web.Features.Statements;

internal static class StatementLabels
{
    public static string Of(StatementType type) => type switch
    {
        StatementType.OpenLetter => "Open letter",
        _ => type.ToString(),
    };
}
