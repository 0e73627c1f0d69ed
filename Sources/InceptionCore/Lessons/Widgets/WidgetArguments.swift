/// A directive's arguments after validation, with defaults filled in; the typed
/// accessors are what a widget's compute function reads.
///
/// The accessors still throw: a widget asking for an argument its schema does not
/// declare is a programming slip, and it must show as an error box, not a crash.
public struct WidgetArguments: Sendable {
    public let directive: WidgetDirective
    /// Every declared argument that has a value (given, or its default).
    public let values: [String: String]
    /// The trained weights and cached experiments the widget may read.
    public let environment: WidgetEnvironment

    public init(directive: WidgetDirective, values: [String: String], environment: WidgetEnvironment = .process()) {
        self.directive = directive
        self.values = values
        self.environment = environment
    }

    public func string(_ key: String) throws(LessonDiagnostic) -> String {
        guard let value = values[key] else {
            throw directive.diagnostic("\(directive.name): argument '\(key)' is not declared by the widget")
        }
        return value
    }

    public func integer(_ key: String) throws(LessonDiagnostic) -> Int {
        let text = try string(key)
        guard let value = Int(text) else { throw directive.diagnostic("\(key)=\(text): not a whole number") }
        return value
    }

    public func number(_ key: String) throws(LessonDiagnostic) -> Double {
        let text = try string(key)
        guard let value = Double(text) else { throw directive.diagnostic("\(key)=\(text): not a number") }
        return value
    }

    public func boolean(_ key: String) throws(LessonDiagnostic) -> Bool {
        let text = try string(key)
        guard let value = WidgetArgumentKind.boolean(text) else { throw directive.diagnostic("\(key)=\(text): not true or false") }
        return value
    }

    /// The network named by a `.preset` argument.
    public func network(_ key: String = "preset") throws(LessonDiagnostic) -> NetworkDescription {
        let text = try string(key)
        do { return try Preset.named(text).description } catch { throw directive.diagnostic("\(error)") }
    }

    /// The sample class named by a `.sampleClass` argument.
    public func sampleClass(_ key: String = "sample") throws(LessonDiagnostic) -> ShapeClass {
        let text = try string(key)
        do { return try ShapeClass(name: text) } catch { throw directive.diagnostic("\(error)") }
    }

    /// The module named by a `.module` argument, looked up in `network`.
    public func module(_ key: String = "module", in network: NetworkDescription) throws(LessonDiagnostic) -> (index: Int, spec: InceptionSpec) {
        let text = try string(key)
        guard let found = network.module(named: text) else {
            throw directive.diagnostic("no module '\(text)' in preset \(network.preset)")
        }
        return found
    }
}
