/// The checks `train` and `dataset calibrate` share on what to train and for how long.
public enum TrainingOptions {
    /// The preset with `--set` and `--head` applied; it must read the dataset's images.
    public static func description(preset: String, assignments: [String], head: String?) throws -> NetworkDescription {
        var description = try Preset.named(preset).description.applying(assignments: assignments)
        if let head {
            guard let kind = HeadKind(rawValue: head.lowercased()) else {
                throw UserError("unknown head '\(head)' (heads: gap, fc)")
            }
            description = description.withHead(kind)
        }
        do { try description.checkReadsDataset("preset \(preset)") } catch let error as UserError {
            throw UserError(error.message + " (use --preset tiny)")
        }
        return description
    }

    /// The standard budget with `--steps` and `--aux-weight` applied.
    public static func budget(steps: Int?, auxWeight: Float?) throws -> TrainingBudget {
        var budget = TrainingBudget.standard
        if let steps {
            guard (1...TrainingBudget.maximumSteps).contains(steps) else {
                throw UserError("--steps must be between 1 and \(TrainingBudget.maximumSteps), not \(steps)")
            }
            budget = budget.with(steps: steps)
        }
        if let auxWeight {
            guard auxWeight.isFinite, auxWeight >= 0, auxWeight <= 10 else {
                throw UserError("--aux-weight must be between 0 and 10, not \(auxWeight)")
            }
            budget.auxWeight = auxWeight
        }
        return budget
    }
}
