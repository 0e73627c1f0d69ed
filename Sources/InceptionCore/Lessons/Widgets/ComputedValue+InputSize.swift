extension ComputedValue {
    /// `@input-size.SIDE`: the measured test accuracy in percent at one input side,
    /// read from the `input-size` result like the `experiment` widget reads it
    /// (the user's own, else the one shipped in `Results/`); never computed here.
    static func resolveInputSize(_ parts: [String], reference: String,
                                 library: ExperimentLibrary = .process()) throws(LessonDiagnosticMessage) -> ComputedValue {
        let sides = InputSizeExperiment.sizes
        guard parts.count == 2, let side = Int(parts[1]), sides.contains(side) else {
            throw LessonDiagnosticMessage("@\(reference): use input-size.SIDE with SIDE one of \(sides.map(String.init).joined(separator: ", "))")
        }
        guard let point = InputSizeAccuracy.load(library)?.accuracies.first(where: { $0.side == side }) else {
            throw LessonDiagnosticMessage("@\(reference): the input-size experiment has no result yet (run `\(ExperimentName.inputSize.command)`)")
        }
        return ComputedValue(value: 100 * point.accuracy,
                             meaning: "the shipped network's test accuracy in percent at \(side)x\(side) (`\(ExperimentName.inputSize.command)`)")
    }
}
