using BenchmarkDotNet.Attributes;
using Lexom.Training.Documents;

namespace Lexom.Training.Benchmarks;

/// <summary>One benchmark per document kind, warm (fonts installed and JIT done by BenchmarkDotNet's warm-up).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DocumentBenchmarks
{
    private readonly DocumentRenderer _renderer = DocumentRenderer.Instance;
    private ProposalDocument _proposal = null!;
    private ProposalDocument _shortProposal = null!;
    private TrainingAgreementDocument _agreement = null!;
    private TrainingAgreementDocument _contract = null!;
    private InvoiceDocument _deposit = null!;
    private InvoiceDocument _final = null!;
    private InvoiceDocument _indemnity = null!;
    private InvoiceDocument _creditNote = null!;
    private AttestationDocument _attestation = null!;
    private CourseSheetDocument _courseSheet = null!;
    private AttestationDocument[] _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _proposal = SampleDocuments.Proposal();
        _shortProposal = SampleDocuments.ShortProposal();
        _agreement = SampleDocuments.CompanyAgreement();
        _contract = SampleDocuments.IndividualContract();
        _deposit = SampleDocuments.DepositInvoice();
        _final = SampleDocuments.FinalInvoice();
        _indemnity = SampleDocuments.IndemnityInvoice();
        _creditNote = SampleDocuments.CreditNote();
        _attestation = SampleDocuments.Attestation();
        _courseSheet = SampleDocuments.CourseSheet();
        _session = Enumerable.Range(1, 200)
            .Select(i => SampleDocuments.Attestation($"Stagiaire n° {i} — Prénom Nom-Composé {i}") with { Number = $"AT-2026-0042-{i:000}" })
            .ToArray();
    }

    [Benchmark(Description = "Proposal, 3 lines + CGV annex")]
    public byte[] ProposalWithCgv() => _renderer.Render(_shortProposal);

    [Benchmark(Description = "Proposal, 40 lines, 25 participants + CGV annex")]
    public byte[] Proposal40Lines() => _renderer.Render(_proposal);

    [Benchmark(Description = "Training agreement (company)")]
    public byte[] Agreement() => _renderer.Render(_agreement);

    [Benchmark(Description = "Training contract (individual)")]
    public byte[] Contract() => _renderer.Render(_contract);

    [Benchmark(Description = "Deposit invoice")]
    public byte[] DepositInvoice() => _renderer.Render(_deposit);

    [Benchmark(Description = "Final invoice")]
    public byte[] FinalInvoice() => _renderer.Render(_final);

    [Benchmark(Description = "Indemnity invoice")]
    public byte[] IndemnityInvoice() => _renderer.Render(_indemnity);

    [Benchmark(Description = "Credit note")]
    public byte[] CreditNote() => _renderer.Render(_creditNote);

    [Benchmark(Description = "Attestation")]
    public byte[] Attestation() => _renderer.Render(_attestation);

    [Benchmark(Description = "Course sheet (programme)")]
    public byte[] CourseSheet() => _renderer.Render(_courseSheet);

    [Benchmark(Description = "200 attestations, one session")]
    public long Session200Attestations()
    {
        long bytes = 0;
        foreach (var a in _session)
        {
            bytes += _renderer.Render(a).Length;
        }

        return bytes;
    }
}
