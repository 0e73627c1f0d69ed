import Foundation

/// A JSON document built in code. Object keys keep the order they were given
/// in, so exported files read in the same order as the tables they mirror.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    /// A number written with `places` decimals (no binary-float noise like 0.54170000001).
    case decimal(Double, places: Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// Compact JSON text. Strings are escaped by `JSONSerialization`, so the
    /// result is always valid JSON.
    public func serialized() -> String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let n): return String(n)
        case .decimal(let x, let places):
            return x.isFinite ? NumberText.decimal(x, places: places, grouped: false) : "null"
        case .string(let s): return Self.quoted(s)
        case .array(let items): return "[" + items.map { $0.serialized() }.joined(separator: ",") + "]"
        case .object(let pairs):
            return "{" + pairs.map { Self.quoted($0.0) + ":" + $0.1.serialized() }.joined(separator: ",") + "}"
        }
    }

    /// Indented JSON text, two spaces per level; arrays of scalars stay on one line
    /// so a 5x5 matrix reads as five rows.
    public func pretty(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .array(let items) where !items.isEmpty && items.contains(where: \.isContainer):
            return "[\n" + items.map { pad + $0.pretty(indent: indent + 1) }.joined(separator: ",\n") + "\n" + close + "]"
        case .object(let pairs) where !pairs.isEmpty:
            let lines = pairs.map { pad + Self.quoted($0.0) + ": " + $0.1.pretty(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + close + "}"
        default:
            return serialized()
        }
    }

    private var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }

    private static func quoted(_ s: String) -> String {
        // A one-element array is always serializable; strip its brackets.
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])) ?? Data("[\"\"]".utf8)
        let text = String(decoding: data, as: UTF8.self)
        return String(text.dropFirst().dropLast())
    }
}
