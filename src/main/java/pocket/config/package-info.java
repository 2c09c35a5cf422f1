/**
 * The analysis configuration, PocketCoffea's {@code config.py} in Java: a {@link
 * pocket.workflow.Configurator} built by a JShell script ({@code analysis.jsh}) that names it
 * {@code cfg}. It holds parameters (YAML), datasets (PocketCoffea's built dataset JSON),
 * skim and preselection {@link pocket.config.Cut}s, categories (standard and cartesian),
 * weights with their variations, histogram definitions ({@link pocket.config.HistConf} of
 * {@link pocket.config.Axis}) and the workflow class that runs them.
 */
package pocket.config;
