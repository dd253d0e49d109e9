using Attest.Core.Portfolios;

namespace Attest.Core.Assessment;

/// <summary>
/// How a piece of evidence shows competence (seed 004 "Recording evidence"), as the assessor judges it. Only some
/// methods show performance: "the performance criteria ... must be performance evidence" (seed 003).
/// </summary>
public enum EvidenceMethod
{
    DirectObservation,
    WitnessTestimony,
    ExpertWitnessTestimony,

    /// <summary>"The product of your work ... notebook entries, completed forms, computer records" (seed 004).</summary>
    WorkProduct,

    /// <summary>A video or audio recording of the candidate at work (seed 000 accepts "a video" in place of an observation).</summary>
    RecordingOfPractice,
    ProfessionalDiscussion,
    Questioning,
    ReflectiveAccount,
    CaseStudy,

    /// <summary>Workbook or written answers to knowledge questions.</summary>
    KnowledgeAnswers,
    PersonalStatement,
}

public static class EvidenceMethods
{
    public static bool ShowsPerformance(this EvidenceMethod method) =>
        method is EvidenceMethod.DirectObservation or EvidenceMethod.WitnessTestimony or EvidenceMethod.ExpertWitnessTestimony
            or EvidenceMethod.WorkProduct or EvidenceMethod.RecordingOfPractice;

    /// <summary>The methods an assessor may judge an item of this kind to be; the first is the default.</summary>
    public static IReadOnlyList<EvidenceMethod> AllowedFor(EvidenceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Kind switch
        {
            EvidenceKind.UploadedFile when item.IsRecording => [EvidenceMethod.RecordingOfPractice, EvidenceMethod.ProfessionalDiscussion, EvidenceMethod.Questioning, EvidenceMethod.ReflectiveAccount],
            EvidenceKind.UploadedFile => [EvidenceMethod.WorkProduct, EvidenceMethod.KnowledgeAnswers, EvidenceMethod.ReflectiveAccount, EvidenceMethod.CaseStudy, EvidenceMethod.PersonalStatement],
            EvidenceKind.WorkProduct => [EvidenceMethod.WorkProduct],
            EvidenceKind.ReflectiveAccount => [EvidenceMethod.ReflectiveAccount],
            EvidenceKind.CaseStudy => [EvidenceMethod.CaseStudy],
            EvidenceKind.PersonalStatement => [EvidenceMethod.PersonalStatement],
            EvidenceKind.HeldElsewhere => [EvidenceMethod.WorkProduct, EvidenceMethod.KnowledgeAnswers],
            EvidenceKind.Observation => [EvidenceMethod.DirectObservation],
            EvidenceKind.Questioning => [EvidenceMethod.Questioning],
            EvidenceKind.ProfessionalDiscussion => [EvidenceMethod.ProfessionalDiscussion],
            EvidenceKind.ProductExamination => [EvidenceMethod.WorkProduct],
            EvidenceKind.WitnessTestimony => [EvidenceMethod.WitnessTestimony, EvidenceMethod.ExpertWitnessTestimony],
            EvidenceKind.CaseLog => [EvidenceMethod.ReflectiveAccount, EvidenceMethod.WorkProduct],
            _ => [],
        };
    }

    public static string Describe(this EvidenceMethod method) => method switch
    {
        EvidenceMethod.DirectObservation => "direct observation by the assessor",
        EvidenceMethod.WitnessTestimony => "witness testimony",
        EvidenceMethod.ExpertWitnessTestimony => "expert witness testimony",
        EvidenceMethod.WorkProduct => "work product",
        EvidenceMethod.RecordingOfPractice => "recording of the candidate at work",
        EvidenceMethod.ProfessionalDiscussion => "professional discussion",
        EvidenceMethod.Questioning => "questioning by the assessor",
        EvidenceMethod.ReflectiveAccount => "reflective account",
        EvidenceMethod.CaseStudy => "case study",
        EvidenceMethod.KnowledgeAnswers => "written answers to knowledge questions",
        EvidenceMethod.PersonalStatement => "personal statement",
        _ => method.ToString(),
    };
}
