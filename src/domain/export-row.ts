/** One opinion as a row of the staff's .xlsx export, already reduced to what the exporter may see. */
export interface ExportRow {
  shortId: string;
  createdAt: string;
  station: string;
  category: string;
  content: string;
  status: string;
  deputy: string;
  replyDueDate: string;
  repliedAt: string;
  resolved: string;
  rating: string;
  contactName: string;
  /** Full only for the station's own staff; masked for everyone else. */
  contactPhone: string;
  source: string;
}
