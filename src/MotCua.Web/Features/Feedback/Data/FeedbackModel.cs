using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Feedback;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Feedback.Data;

/// <summary>A category as administrators manage it: the definition as a JSON document (like the catalogue's, ADR 0004).</summary>
public sealed class FeedbackCategoryRow
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Definition { get; set; }
    public bool Active { get; set; } = true;
    public int Order { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Someone following a report (their own or another's) to be told of each public change.</summary>
public sealed class FeedbackFollower
{
    public Guid ReportId { get; set; }
    /// <summary>The citizen's personal ID number, protected like every other copy (docs/adr/0023).</summary>
    public required string CitizenId { get; set; }
    /// <summary>Where to tell them, from their VNeID profile when they chose to follow (either may be missing).</summary>
    public string? Email { get; set; }
    /// <summary>Protected like the ID.</summary>
    public string? Phone { get; set; }
    public DateTimeOffset Since { get; set; }
}

/// <summary>
/// The feedback module's tables. A report is one row with its reporter, place and rating, its events and official
/// answers in their own tables; answers to the category's questions and photo ids are small JSON columns.
/// </summary>
internal static class FeedbackModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Open reports, in the words <see cref="Open311.Open311Requests"/> filters with (the same SQL on both databases): a
    /// partial index serves a query only when the query's condition is literally the index's.
    /// </summary>
    internal const string OpenFilter = "\"Status\" <> 'Resolved' AND \"Status\" <> 'Rejected' AND \"Status\" <> 'Duplicate'";

    public static void Configure(ModelBuilder b)
    {
        b.Entity<FeedbackCategoryRow>(e =>
        {
            e.ToTable("feedback_categories");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(200);
        });

        b.Entity<Open311.Open311ApiKey>(e =>
        {
            e.ToTable("open311_api_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.KeyHash).HasMaxLength(32);
            e.HasIndex(x => x.KeyHash).IsUnique();
        });

        b.Entity<FeedbackFollower>(e =>
        {
            e.ToTable("feedback_followers");
            e.HasKey(x => new { x.ReportId, x.CitizenId });
            e.Property(x => x.CitizenId).HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.Converter);
            e.Property(x => x.Email).HasMaxLength(200);
            e.Property(x => x.Phone).HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.OptionalConverter);
            e.HasIndex(x => x.CitizenId);
        });

        b.Entity<Photos.FeedbackPhoto>(e =>
        {
            e.ToTable("feedback_photos");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FileId).HasMaxLength(32);
            e.Property(x => x.ContentType).HasMaxLength(32);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Ignore(x => x.Location);
            e.HasIndex(x => x.ReportId);
        });

        b.Entity<FeedbackReport>(e =>
        {
            e.ToTable("feedback_reports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Number).HasMaxLength(32);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.CategoryCode).HasMaxLength(64);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.Description).HasMaxLength(CategoryAnswers.MaxTextLength);
            e.Property(x => x.PublishedDescription).HasMaxLength(CategoryAnswers.MaxTextLength);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Version).IsConcurrencyToken();
            // A retried form post or API call files once: the second finds the first by its key.
            e.Property<string?>(FeedbackKeys.Property).HasMaxLength(100);
            e.HasIndex(FeedbackKeys.Property).IsUnique();
            e.Property(x => x.Answers).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, List<string>>>(v, Json)!
                    .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal),
                new ValueComparer<IReadOnlyDictionary<string, IReadOnlyList<string>>>(
                    (a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                    v => v));
            e.PrimitiveCollection(x => x.PhotoIds).HasField("_photoIds").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.OwnsOne(x => x.Location, l =>
            {
                l.Property(p => p.Latitude).HasColumnName("Latitude");
                l.Property(p => p.Longitude).HasColumnName("Longitude");
            });
            e.OwnsOne(x => x.Reporter, r =>
            {
                r.Property(p => p.CitizenId).HasColumnName("ReporterCitizenId").HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.OptionalConverter);
                r.Property(p => p.Name).HasColumnName("ReporterName").HasMaxLength(200);
                r.Property(p => p.Phone).HasColumnName("ReporterPhone").HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.OptionalConverter);
                r.Property(p => p.Email).HasColumnName("ReporterEmail").HasMaxLength(200);
                r.HasIndex(p => p.CitizenId);
            });
            e.OwnsOne(x => x.Rating, r =>
            {
                r.Property(p => p.Comment).HasMaxLength(2000);
            });

            // The unit's list and the Open311 list: newest first (the number breaks ties, so no sort is needed), within
            // a category or not, and the same for open reports only (what map apps ask for), in indexes of their own.
            e.HasIndex(x => new { x.HandlingUnitId, x.Status, x.ReceivedAt });
            e.HasIndex(x => new { x.CategoryCode, x.ReceivedAt, x.Number });
            e.HasIndex(x => new { x.ReceivedAt, x.Number });
            e.HasIndex(x => new { x.CategoryCode, x.ReceivedAt, x.Number }, "IX_feedback_reports_open_CategoryCode_ReceivedAt_Number").HasFilter(OpenFilter);
            e.HasIndex(x => new { x.ReceivedAt, x.Number }, "IX_feedback_reports_open_ReceivedAt_Number").HasFilter(OpenFilter);
            // The escalation scan: open reports by due date.
            e.HasIndex(x => new { x.Escalated, x.DueAt });

            e.OwnsMany(x => x.Events, ev =>
            {
                ev.ToTable("feedback_events");
                ev.WithOwner().HasForeignKey("ReportId");
                ev.HasKey("ReportId", nameof(FeedbackEvent.Sequence));
                ev.Property(x => x.Sequence).ValueGeneratedNever();
                ev.Property(x => x.Type).HasConversion<string>().HasMaxLength(24);
                ev.Property(x => x.ActorId).HasMaxLength(100).HasConversion(PersonalData.Converter);
                ev.Property(x => x.ActorName).HasMaxLength(200);
                ev.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(16);
                ev.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(16);
                ev.Property(x => x.PublicText).HasMaxLength(CategoryAnswers.MaxTextLength);
                ev.Property(x => x.Reason).HasMaxLength(2000);
                // servicerequestupdates: public changes in a time window.
                ev.HasIndex(x => x.At);
                // The staff inbox's "mine": open reports this officer acted on.
                ev.HasIndex(x => x.ActorId);
            });
            e.Navigation(x => x.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);

            e.OwnsMany(x => x.Responses, r =>
            {
                r.ToTable("feedback_responses");
                r.WithOwner().HasForeignKey("ReportId");
                r.Property<int>("Id").ValueGeneratedOnAdd();
                r.HasKey("Id");
                r.Property(x => x.Text).HasMaxLength(CategoryAnswers.MaxTextLength);
                r.Property(x => x.ByName).HasMaxLength(200);
                r.PrimitiveCollection(x => x.PhotoIds);
            });
            e.Navigation(x => x.Responses).HasField("_responses").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
