// The Host's JSON. Every shape the OpenAPI document describes (openapi.json, generated into schema.d.ts by
// `npm run generate:api`) is an alias of the generated type; only what the document leaves untyped is written here.
import type { components } from './schema'

type S = components['schemas']
/** A JSON object of data (the document types case data as any JSON element and a document's data as an empty object). */
export type JsonObject = Record<string, unknown>

export type User = S['UserDto']
export type Access = S['AccessDto']
export type FieldDto = S['FieldDto']
export type FieldType = S['FieldType']
export type MaterialItem = S['MaterialItem']
export type RiskPointDto = S['RiskPointDto']
export type RosterMember = S['RosterMember']
export type CaseClock = S['CaseClock']
export type ClockPause = S['ClockPause']

// ---- The case and the core's outlook on it ----
export type CaseDto = Omit<S['CaseDto'], 'data' | 'outlook'> & { data: JsonObject; outlook: CaseOutlook }
export type CaseOutlook = Omit<S['CaseOutlook'], 'documents'> & { documents: DocumentOutlook[] }
export type TaskOutlook = S['TaskOutlook']
export type ActionOutlook = S['ActionOutlook']
export type Permission = S['Permission']
export type RefusalCode = NonNullable<S['RefusalCode']>
export type VoteOutlook = S['VoteOutlook']
export type VoteCandidatesOutlook = S['VoteCandidatesOutlook']
export type MaterialOutlook = S['MaterialOutlook']
export type VoteMemberOutlook = S['VoteMemberOutlook']
export type VoteChoice = NonNullable<S['VoteChoice']>
export type DeadlineOutlook = S['DeadlineOutlook']
export type DeadlineLevel = NonNullable<S['DeadlineLevel']>
export type LimitKind = S['LimitKind']
export type DocumentOutlook = Omit<S['DocumentOutlook'], 'document'> & { document: IssuedDocument }
export type IssuedDocument = Omit<S['IssuedDocument'], 'data'> & { data: JsonObject }
export type DocumentKind = NonNullable<S['DocumentKind']>
export type DocumentDate = S['DocumentDate']

export type CaseListItem = S['CaseListItemDto']
export type WorkItem = S['WorkItemDto']
export type UrgeDto = S['UrgeDto']
export type UrgeOutlook = S['UrgeOutlook']
export type AddedSigner = S['AddedSigner']
export type DelegationDto = S['DelegationDto']
export type HistoryEntry = Omit<S['HistoryDto'], 'data'> & { data: JsonObject }
export type AlertDto = S['AlertDto']
export type OpenDeadline = S['OpenDeadlineDto']
export type OnTimeStat = S['OnTimeDto']
export type RiskEventDto = S['RiskEventDto']
export type ResponsibleDto = S['ResponsibleDto']
export type WorkEvent = S['WorkEventDto']
export type MonthlyReport = S['MonthlyReportDto']
export type ReportDepartment = S['ReportDepartmentDto']
export type LoginResponse = S['LoginResponse']

// ---- Organisation and accounts (administrators) ----
export type DepartmentDto = S['DepartmentDto']
export type PostDto = S['PostDto']
export type AdminUserDto = S['AdminUserDto']
export type UserCreatedDto = S['UserCreatedDto']
export type ImportResultDto = S['ImportResultDto']
export type ImportErrorDto = S['ImportErrorDto']
export type VacantPostDto = S['VacantPostDto']
export type ResetPasswordResponse = S['ResetPasswordResponse']
export type SecurityLogEntryDto = S['SecurityLogEntryDto']
export type SimulationResult = S['SimulationResult']
export type SimulatedStep = S['SimulatedStep']
export type MigrationPlanDto = S['MigrationPlanDto']
export type MigrationReportDto = S['MigrationReportDto']
export type CaseMigrationResult = S['CaseMigrationResult']
export type CarbonCopyItemDto = S['CarbonCopyItemDto']

/** A flow in the catalog (GET /api/definitions); the document leaves every property optional, the API always sends them. */
export type DefinitionSummary = Required<Omit<S['DefinitionListItemDto'], 'status'>> & {
  /** published, or draft for the newest version of a flow not yet published (designer list) */
  status?: string
}

// ---- Client-side shapes of responses the OpenAPI document leaves untyped ----

/** RFC 7807 problem details with the engine's refusal code and, for a risk rule, the risk point. */
export interface Problem {
  type?: string
  title?: string
  detail?: string
  status?: number
  code?: string
  riskPointId?: string | null
  check?: string | null
  errors?: DefinitionError[]
}

export interface DefinitionError {
  path: string
  line: number
  message: string
}

export interface ChainVerification {
  valid: boolean
  checked: number
  brokenAtSequence: number | null
  reason: string | null
  problems: string[]
}

export interface DefinitionVersion {
  id: string
  version: number
  name: string
  category: string | null
  status: string // draft | published | retired
  createdAt: string
  createdBy: string
  publishedAt: string | null
}

export interface DefinitionRecord extends DefinitionVersion {
  summary: DefinitionSummary
  definition: FlowDefinition
}

export interface CalendarDay {
  date: string
  kind: 'workday' | 'weekend' | 'holiday' | 'makeupworkday'
  working: boolean
  holiday: string | null
}

export interface CalendarYearView {
  year: number
  loaded: boolean
  source: string | null
  holidays: unknown
  days: CalendarDay[]
}

export interface CalendarLoadResult {
  year: number
  casesRecomputed: number
  provisionalDeadlinesBefore: number
  provisionalDeadlinesAfter: number
}

export interface RoleRef {
  id: string
  name: string
  system: boolean
}

export interface RiskCheckRef {
  name: string
  /** Chinese short name of the check. */
  title?: string
  description: string
  parameters?: import('@/designer/checks').CheckParameter[]
}

// ---- The flow definition format (docs/definition-format.md) ----

/** A field as a definition declares it (FieldDto is the same field as the API serves it, every property given). */
export interface FieldDef {
  id: string
  label: string
  type: FieldType
  required?: boolean
  options?: string[]
  items?: MaterialItem[]
}

export interface LimitSpec {
  duration: string
  basis?: string
  note?: string
}

export interface ActionDef {
  id: string
  name: string
  to?: string
  role?: string
  requires?: string[]
  opinion?: 'optional' | 'required' | 'none'
  systemOnly?: boolean
  extend?: string
  [key: string]: unknown
}

export interface CheckDef {
  risk: string
  check: string
  on?: 'enter' | 'complete'
  actions?: string[]
  mode?: 'block' | 'flag'
  when?: string
  params?: Record<string, unknown>
  [key: string]: unknown
}

export interface StepDef {
  id: string
  kind: 'task' | 'decision' | 'parallel' | 'join' | 'vote' | 'wait' | 'end'
  name: string
  description?: string
  role?: string
  timeLimit?: LimitSpec
  clock?: { effect: 'count' | 'pause'; reason?: string }
  risks?: string[]
  checks?: CheckDef[]
  actions?: ActionDef[]
  onTimeout?: { after?: string; action: string; label?: string; clockFromCaseStart?: boolean }
  routes?: { when: string; to: string }[]
  otherwise?: string
  branches?: string[]
  join?: string
  mode?: 'all' | 'any'
  next?: string
  period?: string
  outcome?: string
  members?: string
  chair?: string
  recorder?: string
  quorum?: string
  pass?: { base: string; threshold: string }
  ballot?: 'anonymous' | 'recorded'
  chairSpeaksLast?: boolean
  recusal?: boolean
  writtenOpinions?: boolean
  deferWhenMarginAtMost?: number
  urgentWhen?: string
  /** Who approves a task step (rule), 或签/会签 and 抄送 posts. */
  assignee?: AssigneeRule
  signMode?: 'any' | 'all'
  cc?: string[]
  outcomes?: { passed?: string; rejected?: string; deferred?: string }
  [key: string]: unknown
}

export interface AssigneeRule {
  rule: 'post' | 'initiatorDeptHead' | 'applicantDeptHead' | 'deptLeader' | 'user'
  post?: string
  department?: string
  user?: string
}

export interface RiskPointDef {
  id: string
  level: number
  text: string
  measures?: string[]
}

export interface FlowDefinition {
  id: string
  version: number
  name: string
  category?: string
  description?: string
  source?: { file?: string; line?: number; note?: string }
  roles: { id: string; name: string }[]
  fields?: FieldDef[]
  constants?: Record<string, unknown>
  riskPoints?: RiskPointDef[]
  limits?: Record<string, unknown>
  withdrawal?: { role: string; to: string; allowedAt?: string[] }
  start: string
  steps: StepDef[]
  /** Where the designer draws each step (presentation only). */
  layout?: Record<string, { x: number; y: number }>
  [key: string]: unknown
}

// ---- Issued documents, material files and the agency's document settings ----
export type CaseFilesDto = S['CaseFilesDto']
export type CaseDocumentDto = S['CaseDocumentDto']
export type MaterialFileDto = S['MaterialFileDto']
export type AgencySettings = S['AgencySettings']
export type AgencySettingsDto = S['AgencySettingsDto']
export type AgencyNameDto = S['AgencyNameDto']
export type DocumentTextDto = S['DocumentTextDto']
export type DocumentTemplateList = S['DocumentTemplateList']
export type DocumentTemplateDto = S['DocumentTemplateDto']
