/// The version of this build of gw.
public enum GatewayVersion {
    /// Semantic version shown by `/health`, `gw --version` and `gw_build_info`.
    public static let current = "0.1.0"
}
