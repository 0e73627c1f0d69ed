/// An option chosen by name on the command line or in the UI (a format, a
/// convention, a unit...). Matching ignores case; an unknown name is a
/// `UserError` that lists the names that exist.
public protocol NamedChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// What one choice is called in messages: "format", "convention".
    static var choiceKind: String { get }
}

extension NamedChoice {
    /// The choice with this name, or a `UserError` listing the known ones.
    public static func named(_ text: String) throws -> Self {
        guard let value = Self(rawValue: text.lowercased()) else {
            let known = allCases.map(\.rawValue).joined(separator: ", ")
            throw UserError("unknown \(choiceKind) '\(text)' (\(choiceKind)s: \(known))")
        }
        return value
    }
}
