/// The version of KneeCoach, shown by `kneecoach --version`.
public enum KneeCoachVersion {
    public static let current = "0.1.0"
}
