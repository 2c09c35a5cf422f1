/**
 * The declarations of an analysis, PocketCoffea's {@code config.py} in Java, which a {@link
 * pocket.workflow.Configurator} built by a JShell script ({@code analysis.jsh}, naming it
 * {@code cfg}) holds: parameters (YAML), datasets (PocketCoffea's built dataset JSON),
 * skim and preselection {@link pocket.config.Cut}s, categories (standard and cartesian),
 * weights with their variations, histogram definitions ({@link pocket.config.HistConf} of
 * {@link pocket.config.Axis}) and the workflow class that runs them.
 *
 * <p>Of pocket, it may import {@code pocket.events} and {@code pocket.util}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.config;
