/** The export panel: downloads of the chart, values, secrets and all environments, and the helm command. */
export {
  type ExportChartFile,
  type ExportEnvironment,
  ExportPanel,
  type ExportPanelProps,
} from './export-panel';
