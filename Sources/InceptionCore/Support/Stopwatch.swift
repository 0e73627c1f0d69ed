import Foundation

/// Wall-clock timing for `bench` and the sparse timing: the median of repeated
/// runs, which a single slow run (another process on a shared core) cannot move.
public enum Stopwatch {
    /// The middle value (the mean of the two middle ones for an even count); 0 for none.
    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    /// The seconds `body` takes, once.
    public static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// The median wall time of `repeats` calls of `body` (at least 1), after one untimed call.
    public static func medianSeconds(_ repeats: Int, _ body: () -> Void) -> Double {
        body()
        return median((0..<max(1, repeats)).map { _ in seconds(body) })
    }
}
