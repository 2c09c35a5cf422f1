package pocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way house, checked on the compiled classes with ArchUnit: no package cycle, and every
 * import goes from a package to one listed before it in docs/architecture.md's package order.
 */
class ArchitectureTest {
    private static JavaClasses main;
    private static List<String> order;

    @BeforeAll
    static void load() throws Exception {
        // the main classes' own folder (target/classes, or wherever -DbuildDir puts it), never the tests'
        main = new ClassFileImporter().importPath(Path.of(pocket.util.Names.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        order = packageOrder(Path.of("docs/architecture.md"));
    }

    /** The packages of the fenced block under "## Package order", lowest first. */
    static List<String> packageOrder(Path doc) throws IOException {
        List<String> out = new ArrayList<>();
        boolean section = false, block = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.startsWith("## ")) section = line.equals("## Package order");
            else if (section && line.startsWith("```")) { if (block) break; block = true; }
            else if (section && block && line.startsWith("pocket")) out.add(line.split("\\s+")[0]);
        }
        return out;
    }

    static ArchRule noCycles() {
        return SlicesRuleDefinition.slices().matching("pocket.(**)").should().beFreeOfCycles();
    }

    /** Each class may depend on its own package and on packages earlier in {@code order}; every package must be listed. */
    static ArchRule followsOrder(List<String> order) {
        return ArchRuleDefinition.classes().that(new DescribedPredicate<JavaClass>("are in pocket") {
            @Override public boolean test(JavaClass c) { return c.getPackageName().startsWith("pocket"); }
        }).should(new ArchCondition<JavaClass>("import only packages listed before their own in docs/architecture.md") {
            @Override public void check(JavaClass c, ConditionEvents events) {
                String from = c.getPackageName();
                int rank = order.indexOf(from);
                if (rank < 0) {
                    events.add(SimpleConditionEvent.violated(c, "package " + from + " of " + c.getName() + " is not in the package order"));
                    return;
                }
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String to = d.getTargetClass().getBaseComponentType().getPackageName();
                    if (!to.startsWith("pocket") || to.equals(from)) continue;
                    int target = order.indexOf(to);
                    if (target < 0 || target > rank)
                        events.add(SimpleConditionEvent.violated(d, from + " may not import " + to + ": " + d.getDescription()));
                }
            }
        });
    }

    @Test
    void theDocumentListsEveryPackageOnce() {
        Set<String> code = new TreeSet<>();
        main.forEach(c -> code.add(c.getPackageName()));
        assertEquals(code, new TreeSet<>(order), "docs/architecture.md's package order against the packages in target/classes");
        assertEquals(order.size(), new TreeSet<>(order).size(), "a package listed twice: " + order);
        assertTrue(order.indexOf("pocket.util") < order.indexOf("pocket.rootio") && order.indexOf("pocket.run") < order.indexOf("pocket.cli"),
                "order parsed lowest first: " + order);
    }

    @Test
    void noPackageCycle() {
        noCycles().check(main);
    }

    @Test
    void importsFollowTheDocumentedOrder() {
        followsOrder(order).check(main);
    }

    /** The rules are not vacuous: a cycle between two test packages, and an upward import, are caught and named. */
    @Test
    void theRulesCatchACycle() {
        JavaClasses cyclic = new ClassFileImporter().importPackages("pocket.testing.cycle");
        assertEquals(2, cyclic.size());
        AssertionError cycle = assertThrows(AssertionError.class, () -> noCycles().check(cyclic));
        String named = cycle.getMessage().replaceAll("\\s+", " ");
        assertTrue(named.contains("Cycle detected: Slice testing.cycle.a -> Slice testing.cycle.b -> Slice testing.cycle.a")
                || named.contains("Cycle detected: Slice testing.cycle.b -> Slice testing.cycle.a -> Slice testing.cycle.b"), named);
        assertTrue(named.contains("Lower.above()> references class object <pocket.testing.cycle.a.Upper>"), "the upward reference named: " + named);
        AssertionError upward = assertThrows(AssertionError.class,
                () -> followsOrder(List.of("pocket.testing.cycle.b", "pocket.testing.cycle.a")).check(cyclic));
        assertTrue(upward.getMessage().contains("pocket.testing.cycle.b may not import pocket.testing.cycle.a"), upward.getMessage());
        assertFalse(upward.getMessage().contains("pocket.testing.cycle.a may not import"), upward.getMessage());
    }
}
