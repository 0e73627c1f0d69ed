import Foundation

extension WidgetDefinition {
    /// `::: experiment name=bottleneck`: the user's cached experiment result, else the
    /// one shipped in `Results/` labelled as such (its table, its conclusion, when it
    /// ran), or a placeholder saying what running it would take.
    /// It only reads the cache: it never trains.
    public static let experiment = WidgetDefinition(
        name: "experiment",
        summary: "A cached experiment result with its conclusion, or what running the experiment would take.",
        arguments: [
            .required("name", .choice(ExperimentName.allCases.map(\.rawValue)), help: "the experiment"),
        ],
        compute: { arguments in
            let info = try ExperimentName.named(try arguments.string("name"))
            let cache = arguments.environment.experiments
            guard let result = try cache.lookup(name: info.rawValue) else {
                return .notice(WidgetNotice(
                    title: "Experiment \(info.rawValue): not run yet",
                    paragraphs: [info.question,
                                 "Run `\(info.command)` to answer it: \(info.cost()). The result is cached in \(cache.location) and shown here from then on."]))
            }
            let stamp = ISO8601DateFormatter().string(from: result.computedAt)
            let how = result.settings.isEmpty ? "" : " (\(result.settings))"
            let origin = result.shippedBy.map {
                "Shipped with the package: computed \(stamp)\(how) by `\($0)`; R in the Experiments tab (or `\(info.command) --rerun`) reruns it here."
            } ?? "Computed \(stamp)\(how); `\(info.command) --rerun` computes it again."
            return .table(WidgetTable(result.table, notes: result.table.notes + ["Conclusion: " + result.conclusion, origin]))
        }
    )
}
