/**
 * Plots and tables as CMS physicists expect them: histograms stacked by sample with data
 * points and a data/MC ratio panel, drawn with XChart and encoded as PNG; cutflow and sumw
 * as Tablesaw tables rendered to HTML for notebooks.
 *
 * <p>Of pocket, it may import {@code pocket.display} and {@code pocket.hist}. All come before it in docs/architecture.md's package order, which ArchitectureTest checks.
 */
package pocket.plot;
