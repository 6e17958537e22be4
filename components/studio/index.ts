/** The studio: its top-level component and the chart file type the page hands it. */
export type { SerializedChartFile } from './chart-files';
export { Studio } from './studio';
