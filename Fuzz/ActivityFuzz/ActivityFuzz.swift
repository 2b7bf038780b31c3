// libFuzzer entry point for the activity decoders. The format comes from the environment
// variable ACTIVITY_FUZZ_FORMAT (fit, gpx, tcx; default fit), so one binary serves the
// three per-format fuzz runs:
//
//   swift build -c debug --scratch-path .build-fuzz --product activity-fuzz \
//     -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address
//   ACTIVITY_FUZZ_FORMAT=fit .build-fuzz/debug/activity-fuzz CORPUS_DIR -runs=1000000
//
// A plain `swift build` compiles the stub `main` below instead, so it never needs libFuzzer.
import ActivityFiles

#if FUZZING
import Foundation

let fuzzFormat: ActivityFormat = {
    let name = ProcessInfo.processInfo.environment["ACTIVITY_FUZZ_FORMAT"] ?? "fit"
    return ActivityFormat(rawValue: name) ?? .fit
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func activityFuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let result = ActivityDecoder.decode(bytes, format: fuzzFormat)
    for recording in result.recordings { _ = recording.summary() }
    return 0
}

/// libFuzzer's driver, called from the entry point SwiftPM links as `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; hand control to libFuzzer.
@_cdecl("activity_fuzz_main")
public func activityFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, activityFuzzTestOneInput)
}
#else
@main
enum ActivityFuzzStub {
    static func main() {
        print("activity-fuzz: build with -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address to fuzz (see BENCHMARKS.md).")
    }
}
#endif
