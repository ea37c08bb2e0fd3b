namespace MotCua.Domain.Catalog;

/// <summary>
/// One problem found in a procedure definition. <see cref="Path"/> is a JSON path into the catalogue's
/// JSON shape (e.g. <c>$.workflow.steps[2].transitions[0].to</c>) so that an editor can point at the
/// offending field and an imported file can be fixed by hand; <see cref="Message"/> is in Vietnamese
/// because the catalogue's administrators read it.
/// </summary>
public sealed record ValidationError(string Path, string Message);
