using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Dossiers.Lateness;

/// <summary>
/// That a dossier's handlers were prompted for one appointment: the scan's memory. Saved with the prompts' e-mails, keyed
/// on (dossier, appointment), so a second instance writing the same prompt fails on the key and writes nothing, a new
/// appointment after an apology can be prompted again, and the scan leaves prompted dossiers out in SQL instead of
/// re-reading them every round.
/// </summary>
public sealed class LatenessPrompt
{
    public Guid DossierId { get; set; }
    public DateTimeOffset AppointmentAt { get; set; }
    public DateTimeOffset PromptedAt { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<LatenessPrompt>(e =>
    {
        e.ToTable("lateness_prompts");
        e.HasKey(p => new { p.DossierId, p.AppointmentAt });
    });
}
