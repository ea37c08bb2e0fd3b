namespace MotCua.Web.Features.Identity;

/// <summary>What the code field of a sign-in step shows: its errors and the keys of its texts.</summary>
public sealed record CodeFormView(Dictionary<string, string> Errors, string LabelKey, string HintKey, string SubmitKey, bool Numeric);
