import InceptionCore

/// Names a background job: the view that asked for it (its updates go back
/// there) and what it does, so a view can hold one job of each kind.
public struct JobID: Hashable, Sendable {
    public let view: ViewID
    public let name: String

    public init(view: ViewID, name: String) {
        self.view = view
        self.name = name
    }
}

/// Work that runs off the main loop so the explorer keeps drawing and taking
/// keys: a view asks for it with `Effect.startJob`, the runtime (`JobRunner`)
/// runs it on its own thread and sends what it reports back to the view as
/// `JobUpdate`s. The one type for every background computation in the explorer.
public struct BackgroundJob: Equatable, Sendable {
    public let id: JobID
    let work: @Sendable (JobContext) throws -> any Sendable

    /// `work` reports progress through its context, checks its cancellation
    /// flag, and returns the result (a thrown `UserError` becomes a failed result).
    public init(_ id: JobID, work: @escaping @Sendable (JobContext) throws -> any Sendable) {
        self.id = id
        self.work = work
    }

    /// Two requests are the same job when they have the same name: a closure has no equality.
    public static func == (a: BackgroundJob, b: BackgroundJob) -> Bool { a.id == b.id }
}

/// What a running job sees of the runtime: where to report progress and the
/// flag that `Effect.cancelJob` raises.
public struct JobContext: Sendable {
    public let cancellation: CancellationFlag
    let report: @Sendable (any Sendable) -> Void

    /// Replaces the job's progress; the view receives the latest on the next tick.
    public func progress(_ value: any Sendable) { report(value) }
}

/// A job's progress or its end, delivered to the view that started it.
public struct JobUpdate: Hashable, Sendable {
    /// What happened: new progress, or the result (the work's value or its error).
    public enum Kind: Sendable {
        case progress(any Sendable)
        case finished(Result<any Sendable, UserError>)
    }

    public let id: JobID
    /// Counts the job's updates, so that two updates are equal only when they are the same one.
    let sequence: Int
    public let kind: Kind

    public init(id: JobID, sequence: Int, kind: Kind) {
        self.id = id
        self.sequence = sequence
        self.kind = kind
    }

    public var isFinished: Bool { if case .finished = kind { true } else { false } }

    public static func == (a: JobUpdate, b: JobUpdate) -> Bool { a.id == b.id && a.sequence == b.sequence }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(sequence)
    }
}
