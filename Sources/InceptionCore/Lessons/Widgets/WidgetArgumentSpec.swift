import Foundation

/// One argument a widget accepts: its name, what values are allowed, and its
/// default (an argument without a default is required).
public struct WidgetArgumentSpec: Sendable {
    public var name: String
    public var kind: WidgetArgumentKind
    /// The value used when the argument is left out; nil makes it required.
    public var defaultValue: String?
    /// One line for `Lessons/README.md` and error messages.
    public var help: String

    public static func required(_ name: String, _ kind: WidgetArgumentKind, help: String) -> WidgetArgumentSpec {
        WidgetArgumentSpec(name: name, kind: kind, defaultValue: nil, help: help)
    }

    public static func optional(_ name: String, _ kind: WidgetArgumentKind, default value: String, help: String) -> WidgetArgumentSpec {
        WidgetArgumentSpec(name: name, kind: kind, defaultValue: value, help: help)
    }
}

/// The values an argument accepts. `check` returns what is wrong with a value, or nil.
public enum WidgetArgumentKind: Sendable {
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// A decimal number in the range (answers, tolerances).
    case number(ClosedRange<Double>)
    /// `true`/`false` (also `yes`/`no`).
    case boolean
    /// One of these words, exactly.
    case choice([String])
    /// A network preset name (`tiny`, `googlenet`, `torchvision`).
    case preset
    /// A module of the network named by the widget's `.preset` argument, in any of
    /// its spellings (`3a`, `inception_3a`, `inception3a`).
    case module
    /// Any text (quote it if it has spaces).
    case text

    /// The sample classes of the tiny network's data set, as widgets name them.
    public static let sampleClassNames = [
        "ring-small", "ring-large", "bar-thin", "bar-thick", "dot",
        "disc", "plus", "cross", "square", "triangle",
    ]

    /// An argument naming one of `sampleClassNames`.
    public static let sampleClass = WidgetArgumentKind.choice(sampleClassNames)

    /// How the allowed values are described to the author.
    public var summary: String {
        switch self {
        case .integer(let range): "whole number \(range.lowerBound)...\(range.upperBound)"
        case .number(let range): "number \(range.lowerBound)...\(range.upperBound)"
        case .boolean: "true or false"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .preset: "preset: " + Preset.allCases.map(\.rawValue).joined(separator: ", ")
        case .module: "module of the preset, e.g. 3a"
        case .text: "text"
        }
    }

    /// What is wrong with `value`, or nil when it is allowed. `network` is the
    /// widget's preset, needed to check module names (nil if the preset itself is bad).
    func problem(with value: String, network: NetworkDescription?) -> String? {
        switch self {
        case .integer(let range):
            guard let n = Int(value) else { return "'\(value)' is not a whole number" }
            return range.contains(n) ? nil : "\(n) is outside \(range.lowerBound)...\(range.upperBound)"
        case .number(let range):
            guard let x = Double(value), x.isFinite else { return "'\(value)' is not a number" }
            return range.contains(x) ? nil : "\(value) is outside \(range.lowerBound)...\(range.upperBound)"
        case .boolean:
            return Self.boolean(value) == nil ? "'\(value)' is not true or false" : nil
        case .choice(let words):
            return words.contains(value) ? nil : "'\(value)' is not one of " + words.joined(separator: ", ")
        case .preset:
            do { _ = try Preset.named(value); return nil } catch { return "\(error)" }
        case .module:
            guard let network else { return nil }
            guard network.module(named: value) == nil else { return nil }
            let known = network.modules.map(\.name.short).joined(separator: ", ")
            return "no module '\(value)' in preset \(network.preset) (modules: \(known))"
        case .text:
            return nil
        }
    }

    static func boolean(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "true", "yes": true
        case "false", "no": false
        default: nil
        }
    }
}
