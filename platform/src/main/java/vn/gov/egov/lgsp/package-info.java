/**
 * The LGSP, the province's integration and data-sharing platform (nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh),
 * shaped like X-Road's security server: parts with different trust are separate nested modules, each with one job.
 * <ul>
 * <li>{@code registry}: members (agencies), their systems (subsystems), services and event types with their
 * lifecycle, consumers' access rights; the public catalog.</li>
 * <li>{@code gateway}: the pass-through at {@code /lgsp/r1/{provider}/{subsystem}/{service}/{version}/...}.</li>
 * <li>{@code messagelog}: the hash-chained record of every call.</li>
 * <li>{@code pubsub}: event types, publishing, subscriptions, delivery.</li>
 * <li>{@code monitoring}: calls, errors, latency, quotas, queue depths, alerts.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "LGSP (provincial integration platform)")
package vn.gov.egov.lgsp;
