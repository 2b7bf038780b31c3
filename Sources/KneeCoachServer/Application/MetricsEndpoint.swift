import Hummingbird
import Metrics
import Prometheus

/// Prometheus metrics on a port of their own (`--metrics-port`), so that the counters of
/// every route are not on the runners' port: requests, errors and durations by route
/// template (Hummingbird's `MetricsMiddleware`: `/api/v1/journal/{name}`, never a runner's
/// entry name), which keeps the number of series bounded.
public enum MetricsEndpoint {
    /// Sends swift-metrics to `registry`. Call once per process, before the server starts.
    public static func bootstrap(_ registry: PrometheusCollectorRegistry) {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }

    /// `GET /metrics` in Prometheus' text format.
    public static func router(registry: PrometheusCollectorRegistry) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return router
    }

    /// The metrics application on `host:port`.
    public static func application(registry: PrometheusCollectorRegistry, host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(registry: registry),
            configuration: .init(address: .hostname(host, port: port), serverName: nil))
    }
}
