import Dispatch

/// Runs body(k) for every k in 0..<count, concurrently when count > 1. The caller
/// makes each k write only its own memory, so results never depend on which
/// thread ran what (or on how many threads there are).
func concurrentChunks(_ count: Int, _ body: (Int) -> Void) {
    guard count > 1 else {
        if count == 1 { body(0) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendableBody(body)
        DispatchQueue.concurrentPerform(iterations: count) { shared.body($0) }
    }
}

/// Carries a chunk body into `concurrentPerform`; `concurrentChunks`' contract
/// (disjoint writes per chunk) is what makes that safe.
private struct UncheckedSendableBody: @unchecked Sendable {
    let body: (Int) -> Void
    init(_ body: @escaping (Int) -> Void) { self.body = body }
}
