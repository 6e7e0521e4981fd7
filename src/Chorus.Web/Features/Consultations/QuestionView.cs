namespace Chorus.Web.Features.Consultations;

/// <summary>The model of _Question.cshtml: one question as the reader sees it, with what they typed and its message.</summary>
internal sealed record QuestionView(Question Question, AnswerInput Typed, string? Error, IReadOnlyList<string> Chain, string Original, string Culture,
    ReceivedFile? File = null)
{
    public QuestionText? Text => ConsultationRules.TextOf(Question, Chain, Original);

    public string Name(string field) => $"Input.Answers[{Question.Id}].{field}";

    public string Id(string field) => $"q{Question.Id}-{field}";

    public IEnumerable<(int Id, string Label)> Options =>
        Question.Options.OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => (o.Id, ConsultationRules.OptionLabel(o, Chain, Original)));
}
