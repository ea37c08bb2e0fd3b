using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MotCua.Domain.Dossiers;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Dossiers.Data;

/// <summary>
/// Persists the <see cref="Dossier"/> aggregate as the domain shapes it: the dossier row with its applicants,
/// its tasks (queried by inboxes) and its events (the record), and the small collections it owns.
/// The version column is the optimistic-concurrency token: two officers saving the same dossier cannot both win.
/// </summary>
internal static class DossierMapping
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Dossier>(e =>
        {
            e.ToTable("dossiers");
            e.HasKey(d => d.Id);
            // The domain assigns ids: a new task or dossier found by change tracking is new, not an update.
            e.Property(d => d.Id).ValueGeneratedNever();
            e.Property(d => d.Reference).HasMaxLength(64);
            e.HasIndex(d => d.Reference).IsUnique();
            e.Property(d => d.Code).HasMaxLength(48);
            e.HasIndex(d => d.Code).IsUnique();
            e.Property(d => d.ProcedureCode).HasMaxLength(64);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.ReturnChannel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<int>();
            e.Property(d => d.Decision).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.DecisionReason).HasMaxLength(2000);
            e.Property(d => d.Version).IsConcurrencyToken();
            e.HasIndex(d => new { d.ReceivingUnitId, d.Status });
            e.HasIndex(d => new { d.Status, d.DueAt });
            // The lateness scan: dossiers in processing whose appointment comes within the warning window.
            e.HasIndex(d => new { d.Status, d.AppointmentAt });
            // Complex (value) types, not owned entities: the filer is often the very same record as the owner.
            e.ComplexProperty(d => d.Owner, a => Applicant(a, "Owner"));
            e.ComplexProperty(d => d.FiledBy, a => Applicant(a, "FiledBy"));
            e.OwnsOne(d => d.Rating, r =>
            {
                r.Property(x => x.Comment).HasMaxLength(2000);
            });

            // Views computed from Tasks, not relationships (left to conventions, EF maps them as a second foreign key).
            e.Ignore(d => d.OpenConsultations);
            e.Ignore(d => d.MainTask);
            e.HasMany(d => d.Tasks).WithOne().HasForeignKey("DossierId").OnDelete(DeleteBehavior.Cascade);
            e.Navigation(d => d.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);

            e.OwnsMany(d => d.Events, ev =>
            {
                ev.ToTable("dossier_events");
                ev.WithOwner().HasForeignKey("DossierId");
                ev.HasKey("DossierId", nameof(DossierEvent.Sequence));
                // The domain numbers events; a numbered event found by change tracking is new.
                ev.Property(x => x.Sequence).ValueGeneratedNever();
                ev.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
                ev.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(16);
                // An applicant acts under their personal ID number: protected like the owner's (staff ids and "system" too,
                // since one column has one converter).
                ev.Property(x => x.ActorId).HasMaxLength(100).HasConversion(PersonalData.Converter);
                ev.Property(x => x.ActorName).HasMaxLength(200);
                ev.Property(x => x.FromStatus).HasConversion<int?>();
                ev.Property(x => x.ToStatus).HasConversion<int>();
                ev.OwnsOne(x => x.Handover, h =>
                {
                    h.Property(x => x.FromStepKey).HasMaxLength(64);
                    h.Property(x => x.ToStepKey).HasMaxLength(64);
                    h.Property(x => x.FromPerson).HasMaxLength(200);
                    h.Property(x => x.ToPerson).HasMaxLength(200);
                });
            });
            e.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

            e.OwnsMany(d => d.SupplementRounds, s =>
            {
                s.ToTable("dossier_supplements");
                s.WithOwner().HasForeignKey("DossierId");
                s.HasKey("DossierId", nameof(SupplementRound.Number));
                s.Property(x => x.Number).ValueGeneratedNever();
                s.Property(x => x.ResumeTo).HasConversion<int>();
                s.PrimitiveCollection(x => x.Items);
            });
            e.Navigation(d => d.SupplementRounds).HasField("_supplements").UsePropertyAccessMode(PropertyAccessMode.Field);

            Owned(e.OwnsMany(d => d.Payments), "dossier_payments");
            Owned(e.OwnsMany(d => d.ApologySlips), "dossier_apologies");
            Owned(e.OwnsMany(d => d.ResultDocuments), "dossier_results");
            Owned(e.OwnsMany(d => d.Attachments), "dossier_attachments");
            e.Navigation(d => d.Payments).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Navigation(d => d.ApologySlips).HasField("_apologies").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Navigation(d => d.ResultDocuments).HasField("_results").UsePropertyAccessMode(PropertyAccessMode.Field);
            e.Navigation(d => d.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        b.Entity<DossierTask>(t =>
        {
            t.ToTable("dossier_tasks");
            t.HasKey(x => x.Id);
            t.Property(x => x.Id).ValueGeneratedNever();
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            t.Property(x => x.Role).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.StepKey).HasMaxLength(64);
            t.Property(x => x.AssigneeId).HasMaxLength(100);
            t.Property(x => x.AssigneeName).HasMaxLength(200);
            t.Property(x => x.CompletedBy).HasMaxLength(200);
            // The inboxes: open tasks of a unit, of a person, by due time.
            t.HasIndex(x => new { x.UnitId, x.CompletedAt, x.StepDueAt });
            // The inbox reads only open tasks, a small share of all tasks once years of finished work pile up:
            // a partial index over them, carrying the assignee, answers the inbox counts from the index alone
            // and its first page in due order (docs/performance.md, 1,000,000 dossiers).
            t.HasIndex(x => new { x.UnitId, x.StepDueAt }, "IX_dossier_tasks_open_by_unit")
                .HasFilter("\"CompletedAt\" IS NULL")
                .IncludeProperties(x => x.AssigneeId);
            // A supervisor's inbox spans many units: the first page in due order walks this index and keeps the rows of
            // their units, instead of gathering and sorting every open task of the city.
            t.HasIndex(x => x.StepDueAt, "IX_dossier_tasks_open_by_due")
                .HasFilter("\"CompletedAt\" IS NULL")
                .IncludeProperties(x => new { x.UnitId, x.AssigneeId });
            t.HasIndex(x => new { x.AssigneeId, x.CompletedAt });
        });
    }

    private static void Applicant(ComplexPropertyBuilder<Domain.Dossiers.Applicant> a, string prefix)
    {
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16).HasColumnName(prefix + "Kind");
        a.Property(x => x.FullName).HasMaxLength(200).HasColumnName(prefix + "FullName");
        // Protected at rest (docs/adr/0023); equality lookups (a citizen's dossiers, the public lookup) still work.
        a.Property(x => x.IdNumber).HasMaxLength(PersonalDataColumn.Length).HasColumnName(prefix + "IdNumber").HasConversion(PersonalData.Converter);
        a.Property(x => x.Phone).HasMaxLength(PersonalDataColumn.Length).HasColumnName(prefix + "Phone").HasConversion(PersonalData.OptionalConverter);
        a.Property(x => x.Email).HasMaxLength(200).HasColumnName(prefix + "Email");
        a.Property(x => x.Address).HasMaxLength(500).HasColumnName(prefix + "Address");
    }

    private static void Owned<TOwned>(OwnedNavigationBuilder<Dossier, TOwned> o, string table) where TOwned : class
    {
        o.ToTable(table);
        o.WithOwner().HasForeignKey("DossierId");
        o.Property<int>("Id").ValueGeneratedOnAdd();
        o.HasKey("Id");
    }
}
