using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lexom.Training.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lexom.Training.DataGenerator;

/// <summary>
/// Fills a PostgreSQL database with a large, consistent LEXOM history for the load tests (docs/performance.md):
/// 10 000 courses, 5 000 sessions, 50 000 clients, 200 000 proposals, 100 000 orders, 300 000 invoices and their
/// payments, in French. The schema comes from the app's own migrations; rows go in with binary COPY.
///   dotnet run -c Release --project bench/Lexom.Training.DataGenerator -- --db lexom_bench [--scale 1] [--server "Host=…"]
/// Invariants kept: LW4 numbers per kind and year continuous from 1 (and the counters at the last one), order totals
/// from the proposal lines, deposit 30 % of the TTC (M4), seats taken = enrolled participants ≤ capacity, one order per
/// accepted proposal, payments never above the invoice.
/// </summary>
public static class Generator
{
    public const string BenchPassword = "bench-lexom-charge-2026";
    public const string BenchSalesEmail = "commercial@bench.lexom.test";
    public const string BenchAdminEmail = "admin@bench.lexom.test";

    private static readonly string[] Opcos = ["OPCO Atlas", "AKTO", "OPCO EP", "Constructys", "OPCO 2i", "Uniformation", "OCAPIAT"];

    public static async Task<int> Main(string[] args)
    {
        var server = Option(args, "--server") ?? Environment.GetEnvironmentVariable("LEXOM_PG") ?? "Host=127.0.0.1;Port=5432;Username=lexom;Password=lexom";
        var database = Option(args, "--db") ?? "lexom_bench";
        var scale = double.Parse(Option(args, "--scale") ?? "1", CultureInfo.InvariantCulture);
        if (!database.StartsWith("lexom_bench", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Le nom de la base doit commencer par lexom_bench (elle est recréée).");
            return 2;
        }

        var total = Stopwatch.StartNew();
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using (var c = new NpgsqlConnection(admin))
        {
            await c.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", c);
            await drop.ExecuteNonQueryAsync();
        }

        var cs = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString;
        var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), cs).Options;
        await using (var db = new AppDbContext(options))
        {
            await db.Database.MigrateAsync();
            Step(total, "schéma (migrations de l'application)");
            await SeedUsersAsync(db);
        }

        var data = new DataSet(scale, seed: 20261129);
        data.Build();
        Step(total, $"données en mémoire : {data.Courses.Count} formations, {data.Sessions.Count} sessions, {data.Clients.Count} clients, " +
                    $"{data.Proposals.Count} propositions, {data.Orders.Count} commandes, {data.Invoices.Count} factures, {data.Payments.Count} paiements");

        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await CopyAsync(conn, data);
        Step(total, "COPY");
        await using (var analyze = new NpgsqlCommand("ANALYZE", conn))
            await analyze.ExecuteNonQueryAsync();
        Step(total, "ANALYZE");
        Console.WriteLine($"Base {database} prête en {total.Elapsed.TotalSeconds:0.0} s. Comptes : {BenchSalesEmail} / {BenchAdminEmail}, mot de passe « {BenchPassword} ».");
        return 0;
    }

    private static void Step(Stopwatch sw, string what) => Console.WriteLine($"[{sw.Elapsed.TotalSeconds,6:0.0} s] {what}");

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The roles (as the app creates them) and a sales person and an admin to sign in with under load.</summary>
    private static async Task SeedUsersAsync(AppDbContext db)
    {
        foreach (var role in Roles.All)
            db.Roles.Add(new IdentityRole<Guid>(role) { Id = Guid.NewGuid(), NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync();
        var hasher = new PasswordHasher<AppUser>();
        foreach (var (email, role, name) in new[] { (BenchSalesEmail, Roles.Sales, "Camille Roux"), (BenchAdminEmail, Roles.Admin, "Hélène Martin") })
        {
            var user = new AppUser
            {
                Id = DataSet.SalesPeople[role == Roles.Sales ? 0 : 1], UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = name, CreatedAt = DateTimeOffset.UtcNow,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            user.PasswordHash = hasher.HashPassword(user, BenchPassword);
            db.Users.Add(user);
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync();
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync();
    }

    private static string J<T>(T value) => JsonSerializer.Serialize(value, DataSet.Json);

    private static async Task CopyAsync(NpgsqlConnection conn, DataSet d)
    {
        await Copy(conn, "catalog_domains (id, name, slug, position)", d.Domains, async (w, x) =>
        {
            await w.WriteAsync(x.Id); await w.WriteAsync(x.Name); await w.WriteAsync(x.Slug); await w.WriteAsync(x.Position);
        });
        await Copy(conn, "courses (id, reference, title, domain_id, duration_days, duration_hours, objectives, programme_intro, programme, prerequisites, audience, " +
                         "pedagogical_methods, evaluation_methods, attestation_statement, inter_price_per_participant, intra_price_per_day, max_participants, " +
                         "accessibility, access_conditions, contact, status, last_updated_on, is_sample, search_text)", d.Courses, async (w, c) =>
        {
            await w.WriteAsync(c.Id); await w.WriteAsync(c.Reference); await w.WriteAsync(c.Title); await w.WriteAsync(c.DomainId);
            await w.WriteAsync(c.DurationDays); await w.WriteAsync(c.DurationHours); await w.WriteAsync(J(c.Objectives), NpgsqlDbType.Jsonb);
            await w.WriteAsync(c.ProgrammeIntro); await w.WriteAsync(J(c.Programme), NpgsqlDbType.Jsonb); await w.WriteAsync(c.Prerequisites);
            await w.WriteAsync(c.Audience); await w.WriteAsync(J(c.PedagogicalMethods), NpgsqlDbType.Jsonb); await w.WriteAsync(J(c.EvaluationMethods), NpgsqlDbType.Jsonb);
            await w.WriteAsync(c.AttestationStatement); await WriteNullable(w, c.InterPricePerParticipant); await WriteNullable(w, c.IntraPricePerDay);
            await WriteNullable(w, c.MaxParticipants); await w.WriteAsync(c.Accessibility); await w.WriteAsync(c.AccessConditions); await w.WriteAsync(c.Contact);
            await w.WriteAsync(c.Status.ToString()); await w.WriteAsync(c.LastUpdatedOn); await w.WriteAsync(c.IsSample); await w.WriteAsync(c.SearchText);
        });
        await Copy(conn, "clients (id, kind, name, siret, vat_number, contact_name, email, normalized_email, phone, created_at, billing_city, billing_line1, billing_line2, billing_postal_code)",
            d.Clients, async (w, c) =>
            {
                await w.WriteAsync(c.Id); await w.WriteAsync(c.Kind); await w.WriteAsync(c.Name); await WriteNullable(w, c.Siret); await WriteNullable(w, c.VatNumber);
                await w.WriteAsync(c.ContactName); await w.WriteAsync(c.Email); await w.WriteAsync(c.Email.ToLowerInvariant()); await w.WriteAsync(c.Phone);
                await w.WriteAsync(c.CreatedAt); await w.WriteAsync(c.City); await w.WriteAsync(c.Line1); await w.WriteNullAsync(); await w.WriteAsync(c.PostalCode);
            });
        await Copy(conn, "course_sessions (id, course_id, starts_on, ends_on, place, capacity, seats_taken, client_id, closed_on, course_reference, kind, status, trainer_id)",
            d.Sessions, async (w, s) =>
            {
                await w.WriteAsync(s.Id); await w.WriteAsync(s.CourseId); await w.WriteAsync(s.StartsOn); await w.WriteAsync(s.EndsOn); await w.WriteAsync(s.Place);
                await w.WriteAsync(s.Capacity); await w.WriteAsync(s.SeatsTaken); await w.WriteNullAsync(); await WriteNullable(w, s.ClosedOn);
                await w.WriteAsync(s.CourseReference); await w.WriteAsync("Inter"); await w.WriteAsync(s.ClosedOn is null ? "Planned" : "Closed"); await w.WriteNullAsync();
            });
        await Copy(conn, "proposals (id, number, client_id, status, payer_kind, channel, training_kind, course, place, billing_address, deposit_rate, preparation_cost, created_on, " +
                         "issued_on, valid_until, accepted_on, declined_on, expired_on, cgv_version, vat_rate, price_scope_statement, course_reference, created_by, sessions)",
            d.Proposals, async (w, p) =>
            {
                await w.WriteAsync(p.Id); await WriteNullable(w, p.Number); await w.WriteAsync(p.ClientId); await w.WriteAsync(p.Status.ToString());
                await w.WriteAsync(p.PayerKind); await w.WriteAsync("Staff"); await w.WriteAsync(p.TrainingKind); await w.WriteAsync(p.CourseJson, NpgsqlDbType.Jsonb);
                await w.WriteAsync(p.Place); await w.WriteAsync(p.BillingAddress); await w.WriteAsync(30m); await w.WriteAsync(0m); await w.WriteAsync(p.CreatedOn);
                await WriteNullable(w, p.IssuedOn); await WriteNullable(w, p.IssuedOn?.AddDays(30)); await WriteNullable(w, p.AcceptedOn); await WriteNullable(w, p.DeclinedOn);
                await WriteNullable(w, p.ExpiredOn); await WriteNullable(w, p.IssuedOn is null ? null : "CGV-2026-01"); await WriteNullable(w, p.IssuedOn is null ? null : (decimal?)20m);
                await WriteNullable(w, p.IssuedOn is null ? null : "Prix forfaitaire HT pour l'ensemble des participants désignés.");
                await w.WriteAsync(p.CourseReference); await w.WriteAsync(p.CreatedBy); await w.WriteAsync(p.SessionsJson, NpgsqlDbType.Jsonb);
            });
        await Copy(conn, "proposal_lines (id, description, quantity, unit_price_ht, position, proposal_id)", d.Proposals.SelectMany(p => p.Lines.Select((l, i) => (p, l, i))),
            async (w, x) =>
            {
                await w.WriteAsync(Guid.NewGuid()); await w.WriteAsync(x.l.Description); await w.WriteAsync(x.l.Quantity); await w.WriteAsync(x.l.UnitPrice);
                await w.WriteAsync(x.i); await w.WriteAsync(x.p.Id);
            });
        await Copy(conn, "proposal_participants (id, name, position, proposal_id)", d.Proposals.SelectMany(p => p.Participants.Select((n, i) => (p, n, i))),
            async (w, x) => { await w.WriteAsync(Guid.NewGuid()); await w.WriteAsync(x.n); await w.WriteAsync(x.i); await w.WriteAsync(x.p.Id); });
        await Copy(conn, "orders (id, proposal_id, proposal_number, client_id, payer_kind, channel, training_kind, status, course, cgv_version, place, ordered_on, starts_on, ends_on, " +
                         "original_starts_on, price_ht, price_vat, price_ttc, vat_rate, deposit_rate, deposit_amount, preparation_cost, confirmed_on, completed_on, " +
                         "deposit_non_refundable, course_reference, opco_name, opco_agreement_number, opco_agreed_amount, opco_recorded_on, opco_subrogation, opco_billable_part)",
            d.Orders, async (w, o) =>
            {
                var p = o.Proposal;
                await w.WriteAsync(o.Id); await w.WriteAsync(p.Id); await w.WriteAsync(p.Number!); await w.WriteAsync(p.ClientId); await w.WriteAsync(p.PayerKind);
                await w.WriteAsync("Staff"); await w.WriteAsync(p.TrainingKind); await w.WriteAsync(o.Status); await w.WriteAsync(p.CourseJson, NpgsqlDbType.Jsonb);
                await w.WriteAsync("CGV-2026-01"); await w.WriteAsync(p.Place); await w.WriteAsync(p.AcceptedOn!.Value); await w.WriteAsync(o.StartsOn); await w.WriteAsync(o.EndsOn);
                await w.WriteAsync(o.StartsOn); await w.WriteAsync(o.Ht); await w.WriteAsync(o.Vat); await w.WriteAsync(o.Ttc); await w.WriteAsync(20m); await w.WriteAsync(30m);
                await w.WriteAsync(o.Deposit); await w.WriteAsync(0m); await WriteNullable(w, o.ConfirmedOn); await WriteNullable(w, o.CompletedOn); await w.WriteAsync(false);
                await w.WriteAsync(p.CourseReference);
                await WriteNullable(w, o.OpcoAgreed is null ? null : Opcos[o.Proposal.CourseReference.Length % Opcos.Length]);
                await WriteNullable(w, o.OpcoAgreed is null ? null : $"PEC-{o.Id.ToString("N")[..10].ToUpperInvariant()}");
                await WriteNullable(w, o.OpcoAgreed); await WriteNullable(w, o.OpcoAgreed is null ? null : o.ConfirmedOn ?? o.Proposal.AcceptedOn);
                await WriteNullable(w, o.OpcoAgreed is null ? null : (bool?)true);
                await WriteNullable(w, o.CompletedOn is null ? null : o.OpcoAgreed);
            });
        await Copy(conn, "order_participants (id, name, removed, order_id, position)", d.Orders.SelectMany(o => o.ParticipantIds.Select((id, i) => (o, id, i))),
            async (w, x) =>
            {
                await w.WriteAsync(x.id); await w.WriteAsync(x.o.Proposal.Participants[x.i]); await w.WriteAsync(false); await w.WriteAsync(x.o.Id); await w.WriteAsync(x.i);
            });
        await Copy(conn, "session_enrolments (id, order_id, participant_id, participant_name, status, rank, enrolled_on, session_id)",
            d.Orders.Where(o => o.SessionId is not null).SelectMany(o => o.ParticipantIds.Select((id, i) => (o, id, i))), async (w, x) =>
            {
                await w.WriteAsync(Guid.NewGuid()); await w.WriteAsync(x.o.Id); await w.WriteAsync(x.id); await w.WriteAsync(x.o.Proposal.Participants[x.i]);
                await w.WriteAsync("Enrolled"); await w.WriteAsync(0); await w.WriteAsync(x.o.Proposal.AcceptedOn!.Value); await w.WriteAsync(x.o.SessionId!.Value);
            });
        // Each invoice carries the sum of its payments (Invoice.Paid), as the app keeps it with each payment.
        var paid = d.Payments.GroupBy(p => p.InvoiceId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        await Copy(conn, "invoices (id, number, kind, payer, issued_on, due_on, ht, vat, ttc, vat_rate, label, credits_invoice_id, credited, order_id, penalty_for_invoice_id, paid)",
            d.Invoices, async (w, i) =>
            {
                await w.WriteAsync(i.Id); await w.WriteAsync(i.Number); await w.WriteAsync(i.Kind); await w.WriteAsync(i.Payer); await w.WriteAsync(i.IssuedOn);
                await w.WriteAsync(i.IssuedOn.AddDays(30)); await w.WriteAsync(i.Ht); await w.WriteAsync(i.Ttc - i.Ht); await w.WriteAsync(i.Ttc); await w.WriteAsync(i.Kind == "LatePenalty" ? 0m : 20m);
                await w.WriteAsync(i.Label); await w.WriteNullAsync(); await w.WriteAsync(0m); await w.WriteAsync(i.OrderId); await WriteNullable(w, i.PenaltyFor);
                await w.WriteAsync(paid.GetValueOrDefault(i.Id));
            });
        await Copy(conn, "payments (id, received_on, amount, reference, method, invoice_id)", d.Payments, async (w, p) =>
        {
            await w.WriteAsync(Guid.NewGuid()); await w.WriteAsync(p.ReceivedOn); await w.WriteAsync(p.Amount); await w.WriteAsync(p.Reference);
            await w.WriteAsync(p.Method); await w.WriteAsync(p.InvoiceId);
        });
        await Copy(conn, "document_counters (kind, year, last)", d.Counters, async (w, c) =>
        {
            await w.WriteAsync(c.Key.Kind.ToString()); await w.WriteAsync(c.Key.Year); await w.WriteAsync(c.Value);
        });
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter w, T? value) where T : struct =>
        value is { } v ? w.WriteAsync(v) : w.WriteNullAsync();

    private static Task WriteNullable(NpgsqlBinaryImporter w, string? value) =>
        value is null ? w.WriteNullAsync() : w.WriteAsync(value);

    private static async Task Copy<T>(NpgsqlConnection conn, string table, IEnumerable<T> rows, Func<NpgsqlBinaryImporter, T, Task> write)
    {
        var sw = Stopwatch.StartNew();
        var n = 0;
        await using (var importer = await conn.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await write(importer, row);
                n++;
            }
            await importer.CompleteAsync();
        }
        Console.WriteLine($"         {table[..table.IndexOf(' ', StringComparison.Ordinal)],-24} {n,9:N0} lignes en {sw.Elapsed.TotalSeconds:0.0} s");
    }
}
