/// The evidence table: every number KneeCoach advises, with its grade and citation.
///
/// Each row is a named constant (`Evidence.stretchStaticHoldSeconds` for the key
/// `stretch.static.holdSeconds`); code reads numbers only through these rows, never as bare
/// literals. Rows mirror `CLINICAL.md`; the few dosing conventions the product needs where
/// the literature gives no number are marked ``EvidenceOrigin/convention``.
///
/// ```swift
/// let hold = Evidence.stretchStaticHoldSeconds.quantity("holdSeconds")?.lower  // 30
/// let row = Evidence.entry(for: "load.singleRunSpikePercent")
/// ```
public enum Evidence {
    /// Every row, in table order.
    public static let all: [EvidenceEntry] =
        stretchingRows + itBandRows + strengthRows + tendonRows + loadRows + painRows
        + cadenceRows + footwearRows + terrainRows + osteoarthritisRows + breathingRows
        + nutritionRows + redFlagRows + returnToRunningRows + conventionRows + sessionRows + assessmentRows

    private static let byKey: [EvidenceKey: EvidenceEntry] = Dictionary(
        all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    /// The row with the given key, or `nil` when the table has no such row.
    public static func entry(for key: EvidenceKey) -> EvidenceEntry? { byKey[key] }

    /// The known keys, sorted.
    public static var keys: [EvidenceKey] { all.map(\.key).sorted() }

    /// The cases where the source article and the evidence disagree, and what KneeCoach follows.
    public static let disagreements: [String] = [
        "Stretching as injury prevention: trials show no effect (stretch.injuryRR); KneeCoach keeps stretching for comfort and range of motion and puts strength work first.",
        "Lengthening or releasing the IT band: the band is anchored to the femur and barely stretches, and rolling effects are small and brief; band stretching and rolling are comfort measures, and hip strength comes first.",
        "Fascial adhesions, waste clearance, muscle memory from stretching, breathing that deepens a stretch: no evidence found; KneeCoach makes none of these claims.",
        "Soft surfaces are safer: not shown; KneeCoach suggests variety and smooth ground, not avoiding roads.",
        "Supplements and anti-inflammatory nutrients: only a small collagen-marker study (gelatin) exists; omega-3 and curcumin get no dose.",
        "Overpronation, worn shoes and orthotics for everyone: shoes are chosen by comfort, orthoses only as a short-term option for front-of-knee pain, and mileage limits are traditional.",
        "Increase cadence slightly: KneeCoach gives a number (+5–10 % over your own baseline) and changes it gradually.",
        "The 10 % rule for mileage: not protective; KneeCoach caps single-run spikes instead and shows the acute:chronic ratio as information only.",
        "Isometrics ideal when painful, eccentrics particularly effective: reasonable, but isometrics are not better than other loading, and eccentric evidence is for tendon problems, not front-of-knee pain in general.",
    ]
}
