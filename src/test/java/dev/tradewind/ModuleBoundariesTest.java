package dev.tradewind;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.tradewind.shared.outbox.DomainEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the house layout of ARCHITECTURE.md true: bounded contexts see each other only through their contract,
 * the shared kernel and the edge stay generic, and each layer inside a context keeps to its job.
 *
 * <p>The rules are {@code @ArchTest} methods, not {@code ArchRule} fields: Maven Surefire 3.5.3 (pinned in the
 * pom) silently skips {@code @ArchTest} fields (SUREFIRE-2298, fixed in 3.5.4).
 */
@AnalyzeClasses(packages = ModuleBoundariesTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {
  static final String ROOT = "dev.tradewind";

  /**
   * The bounded contexts. A new context (aftersales, marketing, analytics …) is added here; any other top-level
   * package not in {@link #PLATFORM_PACKAGES} is treated as a context as well, so none escapes the rules.
   */
  static final List<String> CONTEXTS = List.of("identity", "catalog", "checkout", "payments", "tracking");

  /** Top-level packages that belong to the platform rather than to one context. */
  static final Set<String> PLATFORM_PACKAGES = Set.of("shared", "edge", "demo", "dev");

  private static final Set<String> FLOATING_POINT = Set.of("double", "float", "java.lang.Double", "java.lang.Float");

  private static final Set<String> SQL_QUERY_METHODS = Set.of("query", "preparedQuery");

  /** The edge's readiness probe runs {@code SELECT 1} itself; it should move into shared.db, then this goes. */
  @ArchTest
  static void contexts_use_each_other_only_through_their_contract(JavaClasses classes) {
    classes().that(areInAContext())
      .should(useOtherContextsOnlyThroughTheirContract())
      .as("a context uses another context only through that context's contract package")
      .check(classes);
  }

  @ArchTest
  static void the_shared_kernel_depends_on_nothing_but_itself(JavaClasses classes) {
    noClasses().that().resideInAPackage(ROOT + ".shared..")
      .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(ROOT + ".shared.."))))
      .as("the shared kernel depends on no context, nor on the edge, the demo data or the launcher")
      .check(classes);
  }

  @ArchTest
  static void the_edge_stays_generic(JavaClasses classes) {
    noClasses().that().resideInAPackage(ROOT + ".edge..")
      .should().dependOnClassesThat(areInAContext().and(not(areInLayer("contract"))))
      .as("the HTTP edge uses no context except through that context's contract")
      .check(classes);
  }

  @ArchTest
  static void the_domain_is_pure(JavaClasses classes) {
    noClasses().that(areInLayer("domain"))
      .should().dependOnClassesThat(resideInAPackage("io.vertx..").or(areInLayer("application", "infra", "api")))
      .as("a context's domain uses neither Vert.x nor the context's application, infra or api")
      .check(classes);
  }

  @ArchTest
  static void contracts_expose_no_internals(JavaClasses classes) {
    noClasses().that(areInLayer("contract"))
      .should().dependOnClassesThat(areInLayer("domain", "application", "infra", "api"))
      .as("a context's contract reveals nothing of its domain, application, infra or api")
      .check(classes);
  }

  @ArchTest
  static void only_infra_and_the_shared_kernel_run_sql(JavaClasses classes) {
    noClasses().that().resideOutsideOfPackages("..infra..", ROOT + ".shared..")
      .should().callMethodWhere(aSqlQuery())
      .as("only infra packages and the shared kernel run SQL queries")
      .check(classes);
  }

  @ArchTest
  static void contract_events_are_records(JavaClasses classes) {
    classes().that(areInLayer("contract")).and().areNotInterfaces().and().implement(DomainEvent.class)
      .should().beRecords()
      .as("every domain event in a contract is an immutable record")
      .check(classes);
  }

  @ArchTest
  static void money_is_never_a_binary_float(JavaClasses classes) {
    noFields().that().areDeclaredInClassesThat(resideInAPackage(ROOT + ".shared.money..")
        .or(simpleNameContaining("Money")).or(simpleNameContaining("Price")).or(simpleNameContaining("Amount")))
      .should().haveRawType(describe("double or float", type -> FLOATING_POINT.contains(type.getName())))
      .as("money, prices and amounts are never held as double or float")
      .check(classes);
  }

  @ArchTest
  static void verticles_live_at_the_root_of_a_context_or_in_the_edge(JavaClasses classes) {
    classes().that().haveSimpleNameEndingWith("Verticle").and().doNotHaveModifier(JavaModifier.ABSTRACT)
      .should(ArchCondition.from(describe("reside in the root package of a context or in " + ROOT + ".edge",
        ModuleBoundariesTest::isAtTheRootOfAContextOrTheEdge)))
      .as("verticles live at the root of their context package or in the edge")
      .check(classes);
  }

  @ArchTest
  static void every_listed_context_has_a_contract(JavaClasses classes) {
    for (String context : CONTEXTS) {
      assertThat(classes.stream().filter(c -> c.getPackageName().equals(ROOT + "." + context + ".contract")))
        .as("classes in %s.%s.contract (is the context still listed under its real name?)", ROOT, context)
        .isNotEmpty();
    }
  }

  private static Optional<String> contextOf(JavaClass type) {
    String pkg = type.getPackageName();
    if (!pkg.startsWith(ROOT + ".")) {
      return Optional.empty();
    }
    String top = pkg.substring(ROOT.length() + 1).split("\\.", 2)[0];
    return PLATFORM_PACKAGES.contains(top) ? Optional.empty() : Optional.of(top);
  }

  private static boolean isInLayer(JavaClass type, String layer) {
    return contextOf(type)
      .map(context -> ROOT + "." + context + "." + layer)
      .filter(pkg -> type.getPackageName().equals(pkg) || type.getPackageName().startsWith(pkg + "."))
      .isPresent();
  }

  private static DescribedPredicate<JavaClass> areInAContext() {
    return describe("are in a bounded context", type -> contextOf(type).isPresent());
  }

  private static DescribedPredicate<JavaClass> areInLayer(String... layers) {
    return describe("are in a context's " + String.join(" or ", layers) + " package",
      type -> Arrays.stream(layers).anyMatch(layer -> isInLayer(type, layer)));
  }

  private static boolean isAtTheRootOfAContextOrTheEdge(JavaClass type) {
    String pkg = type.getPackageName();
    return pkg.equals(ROOT + ".edge") || contextOf(type).map(context -> pkg.equals(ROOT + "." + context)).orElse(false);
  }

  private static DescribedPredicate<JavaMethodCall> aSqlQuery() {
    return describe("query or preparedQuery on a Vert.x SQL client",
      call -> SQL_QUERY_METHODS.contains(call.getName())
        && call.getTargetOwner().getPackageName().matches("io\\.vertx\\.(sqlclient|pgclient)(\\..*)?"));
  }

  private static ArchCondition<JavaClass> useOtherContextsOnlyThroughTheirContract() {
    return new ArchCondition<>("use other contexts only through their contract package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = contextOf(origin).orElseThrow();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          boolean intoAnotherContext = contextOf(target).filter(other -> !other.equals(own)).isPresent();
          if (intoAnotherContext && !isInLayer(target, "contract")) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
