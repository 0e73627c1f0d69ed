/// A widget lessons can use: its name, its argument schema, and the function that
/// computes its content from validated arguments.
public struct WidgetDefinition: Sendable {
    public var name: String
    /// One line for `Lessons/README.md`.
    public var summary: String
    public var arguments: [WidgetArgumentSpec]
    public var compute: @Sendable (WidgetArguments) throws -> WidgetContent

    public init(name: String, summary: String, arguments: [WidgetArgumentSpec],
                compute: @escaping @Sendable (WidgetArguments) throws -> WidgetContent) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
        self.compute = compute
    }
}

/// The widgets lessons may use. Adding a widget is one `WidgetDefinition` (usually in
/// its own file under `Widgets/`) and one entry in `standard`.
public struct WidgetRegistry: Sendable {
    /// In the order `Lessons/README.md` documents them.
    public let definitions: [WidgetDefinition]
    /// What the widgets read besides their arguments (weights, cached experiments).
    public let environment: WidgetEnvironment

    public init(_ definitions: [WidgetDefinition], environment: WidgetEnvironment = .process()) {
        self.definitions = definitions
        self.environment = environment
    }

    /// The same widgets reading `environment` (the command line's `--weights`, a test's
    /// temporary cache).
    public func with(environment: WidgetEnvironment) -> WidgetRegistry {
        WidgetRegistry(definitions, environment: environment)
    }

    /// Every widget the explorer knows.
    public static let standard = WidgetRegistry([
        .networkShapes,
        .moduleWidths,
        .costExample,
        .factorization,
        .costs,
        .naiveGrowth,
        .conv1x1Pixel,
        .branchMaps,
        .sparseDemo,
        .heads,
        .auxHeads,
        .table1,
        .branchShares,
        .budget,
        .presetCompare,
        .experiment,
        .photoRun,
        .question,
    ])

    public func definition(named name: String) -> WidgetDefinition? {
        definitions.first { $0.name == name }
    }

    /// Checks the name and every argument; the first problem found is thrown,
    /// located at the directive's line.
    public func validate(_ directive: WidgetDirective) throws(LessonDiagnostic) -> WidgetArguments {
        try resolve(directive).arguments
    }

    private func resolve(_ directive: WidgetDirective) throws(LessonDiagnostic) -> (definition: WidgetDefinition, arguments: WidgetArguments) {
        guard let definition = definition(named: directive.name) else {
            let known = definitions.map(\.name).joined(separator: ", ")
            throw directive.diagnostic("unknown widget '\(directive.name)' (widgets: \(known))")
        }
        let name = definition.name
        var values: [String: String] = [:]
        for argument in directive.arguments {
            guard definition.arguments.contains(where: { $0.name == argument.key }) else {
                let known = definition.arguments.map(\.name).joined(separator: ", ")
                throw directive.diagnostic("\(name): unknown argument '\(argument.key)' (arguments: \(known))")
            }
            guard values[argument.key] == nil else {
                throw directive.diagnostic("\(name): argument '\(argument.key)' is given twice")
            }
            values[argument.key] = argument.value
        }
        for spec in definition.arguments where values[spec.name] == nil {
            guard let fallback = spec.defaultValue else {
                throw directive.diagnostic("\(name): missing argument '\(spec.name)' (\(spec.kind.summary))")
            }
            values[spec.name] = fallback
        }
        // Module names are checked against the widget's own preset (tiny if it takes
        // none), so the preset is checked first.
        let presetSpec = definition.arguments.first { if case .preset = $0.kind { true } else { false } }
        let network = presetSpec == nil ? Preset.tiny.description
            : presetSpec.flatMap { values[$0.name] }.flatMap { try? Preset.named($0).description }
        let ordered = definition.arguments.filter { if case .preset = $0.kind { true } else { false } }
            + definition.arguments.filter { if case .preset = $0.kind { false } else { true } }
        for spec in ordered {
            if let value = values[spec.name], let problem = spec.kind.problem(with: value, network: network) {
                throw directive.diagnostic("\(name): \(spec.name)=\(value): \(problem)")
            }
        }
        return (definition, WidgetArguments(directive: directive, values: values, environment: environment))
    }

    /// Validates and computes; every failure becomes a diagnostic for an error box.
    public func evaluate(_ directive: WidgetDirective) -> Result<WidgetContent, LessonDiagnostic> {
        do {
            let (definition, arguments) = try resolve(directive)
            return .success(try definition.compute(arguments))
        } catch let diagnostic as LessonDiagnostic {
            return .failure(diagnostic)
        } catch let error as UserError {
            return .failure(directive.diagnostic("\(directive.name): \(error.message)"))
        } catch {
            return .failure(directive.diagnostic("\(directive.name): \(error)"))
        }
    }
}
