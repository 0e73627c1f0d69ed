import Foundation

/// An XDG base directory: the variable when set to an absolute path (the XDG spec
/// ignores relative ones), else `$HOME/fallback`; nil when neither is set.
public enum XDGDirectory {
    public static func base(_ variable: String, fallback: String, environment: [String: String]) -> String? {
        if let value = environment[variable], value.hasPrefix("/") { return value }
        if let home = environment["HOME"], !home.isEmpty { return (home as NSString).appendingPathComponent(fallback) }
        return nil
    }
}
