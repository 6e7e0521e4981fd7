namespace Chorus.Web.Features.Consultations;

/// <summary>The interface-string keys of the consultation enums.</summary>
internal static class ConsultationLabels
{
    public static string Of(QuestionKind kind) => kind switch
    {
        QuestionKind.ShortText => "Short text",
        QuestionKind.LongText => "Long text",
        QuestionKind.SingleChoice => "One choice",
        QuestionKind.MultipleChoice => "Several choices",
        QuestionKind.Ranking => "Ranking",
        QuestionKind.Scale => "Scale from 1 to 5",
        QuestionKind.File => "File (PDF)",
        _ => "Country",
    };

    public static string Of(ResponseState state) => state switch
    {
        ResponseState.Draft => "Draft",
        ResponseState.Unconfirmed => "Unconfirmed",
        ResponseState.Confirmed => "Confirmed",
        ResponseState.SetAside => "Set aside",
        ResponseState.Duplicate => "Duplicate (another answer from the same respondent counts)",
        _ => "Withdrawn",
    };
}
