package pocket.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A class whose {@code @BeforeAll} finds its service missing reports each test as skipped, not zero tests. */
class ServiceSkipsTest {
    /** Stands for a service test on a machine without the service; run only through the test kit below. */
    static class MissingService {
        static Object server;

        @BeforeAll static void start() { Assumptions.abort("SERVICE MISSING: a fixture service"); }
        @AfterAll static void stop() { server.toString(); }
        @Test void first() { throw new AssertionError("must not run"); }
        @Test void second() { throw new AssertionError("must not run"); }
        @Test void third() { throw new AssertionError("must not run"); }
    }

    /** The same class with its service there: failures still fail. */
    static class BrokenSetup {
        @BeforeAll static void start() { throw new IllegalStateException("port in use"); }
        @Test void only() {}
    }

    private static EngineExecutionResults run(Class<?> c) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .selectors(selectClass(c)).execute();
    }

    @Test
    void testsOfAClassWithoutItsServiceCountAsSkipped() {
        EngineExecutionResults e = run(MissingService.class);
        e.testEvents().assertStatistics(s -> s.skipped(3).started(0).failed(0).aborted(0));
        e.containerEvents().assertStatistics(s -> s.failed(0).aborted(0));
        e.testEvents().skipped().assertThatEvents().allMatch(ev -> ev.getPayload(String.class).orElse("").startsWith("SERVICE MISSING: a fixture service"));
    }

    @Test
    void aSetupThatFailsForAnotherReasonStillFails() {
        EngineExecutionResults e = run(BrokenSetup.class);
        e.containerEvents().assertStatistics(s -> s.failed(1));
        e.testEvents().assertStatistics(s -> s.skipped(0).started(0));
    }
}
