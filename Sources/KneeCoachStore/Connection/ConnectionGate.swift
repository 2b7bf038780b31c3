/// A first-in, first-out async lock: one task at a time uses the store's single connection.
///
/// A transaction holds the gate from `BEGIN` to `COMMIT`, so statements of other tasks never
/// slip into it.
actor ConnectionGate {
    private var isHeld = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            isHeld = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
