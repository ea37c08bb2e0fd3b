using MotCua.Domain.Catalog;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Features.Dossiers.Filing;

public enum WizardPage
{
    Unit,
    Form,
    Document,
    Delivery,
    Check,
}

/// <summary>
/// The wizard's pages in order: 0 the receiving unit, 1..N the form's topics (so "check your answers" links
/// <c>?step=N</c> land on the right topic), then one page per required document, then how the result is delivered
/// (Features/Delivery), then "check your answers".
/// </summary>
public sealed class WizardSteps(DossierForm form, IReadOnlyList<RequiredDocument> documents)
{
    public int FormCount => form.Steps.Count;

    public int FirstDocument => FormCount + 1;

    public int Delivery => FormCount + documents.Count + 1;

    public int Check => Delivery + 1;

    public IReadOnlyList<RequiredDocument> Documents => documents;

    public int Clamp(int step) => Math.Clamp(step, 0, Check);

    public WizardPage PageOf(int step) =>
        step <= 0 ? WizardPage.Unit
        : step <= FormCount ? WizardPage.Form
        : step < Delivery ? WizardPage.Document
        : step == Delivery ? WizardPage.Delivery
        : WizardPage.Check;

    public RequiredDocument DocumentAt(int step) => documents[step - FirstDocument];

    public int StepOfDocument(string key) => FirstDocument + documents.ToList().FindIndex(d => d.Key == key);

    /// <summary>Mandatory documents with no file yet; filing waits until each has one.</summary>
    public IEnumerable<RequiredDocument> Missing(DossierDraft draft) =>
        documents.Where(d => d.Mandatory && !draft.Attachments.Any(a => a.DocumentKey == d.Key));
}
