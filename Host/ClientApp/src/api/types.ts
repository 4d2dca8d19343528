// Shapes of the Host's JSON (camelCase), see Host/Api/*.cs.

export interface User {
  id: string
  name: string
  department?: string | null
  roles: string[]
  roleNames: Record<string, string>
}

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

export interface MaterialItem {
  id: string
  name: string
  required: boolean
}

export type FieldType = 'text' | 'number' | 'date' | 'boolean' | 'choice' | 'list' | 'materials'

export interface FieldDef {
  id: string
  label: string
  type: FieldType
  required?: boolean
  options?: string[]
  items?: MaterialItem[]
}

export interface ActionDto {
  id: string
  name: string
  role: string
  roleName: string
  requires: FieldDef[]
  opinion: 'optional' | 'required' | 'none'
  extend: string | null
  allowed: boolean
}

export interface RiskPointDto {
  id: string
  level: number
  levelName: string
  text: string
  measures: string[]
  checks: string[]
}

export interface VoteMemberDto {
  id: string
  name: string
  present: boolean
  recused: boolean
  recusalReason: string | null
  voted: boolean
  chair: boolean
  writtenOpinion: string | null
  ballot: string | null
}

export interface VoteDto {
  round: number
  ballot: 'anonymous' | 'recorded'
  chairSpeaksLast: boolean
  quorum: string
  passBase: string
  passThreshold: string
  members: VoteMemberDto[]
  eligible: number
  present: number
  cast: number
  isMember: boolean
  canClose: boolean
}

export interface TaskDto {
  id: string
  stepId: string
  stepName: string
  kind: string
  role: string
  roleName: string
  description: string | null
  enteredAt: string
  dueAt: string | null
  warnAt: string | null
  provisional: boolean
  actions: ActionDto[]
  risks: RiskPointDto[]
  vote: VoteDto | null
}

export interface DeadlineDto {
  kind: string // statutory | promised | step
  taskId: string | null
  stepId: string | null
  limit: string
  dueAt: string
  warnAt: string | null
  provisional: boolean
  paused: boolean
  pauseReason: string | null
  pausedDays: number
  extensionAmount: number
}

export interface ClockPause {
  from: string
  to: string
  reason: string
}

export interface CaseDto {
  id: string
  caseNo: string
  title: string
  definitionId: string
  definitionVersion: number
  definitionName: string
  status: 'running' | 'closed'
  outcome: string | null
  endStepId: string | null
  endStepName: string | null
  data: Record<string, unknown>
  version: number
  startedAt: string
  startedBy: string
  closedAt: string | null
  tasks: TaskDto[]
  deadline: {
    dueAt: string
    provisional: boolean
    paused: boolean
    kind: string
    limit: string
    pauseReason: string | null
    pausedDays: number
  } | null
  deadlines: DeadlineDto[]
  clock: {
    startedAt: string | null
    stoppedAt: string | null
    paused: boolean
    pauseReason: string | null
    pauses: ClockPause[]
    extensionAmount: number
  }
  canWithdraw: boolean
}

export interface CaseListItem {
  id: string
  caseNo: string
  title: string
  definitionId: string
  definitionVersion: number
  status: string
  outcome: string | null
  startedAt: string
  closedAt: string | null
  version: number
  dueAt: string | null
  provisional: boolean
  paused: boolean
}

export interface WorkItem {
  caseId: string
  caseNo: string
  title: string
  definitionId: string
  definitionName: string
  taskId: string
  stepId: string
  stepName: string
  kind: string
  role: string
  roleName: string
  enteredAt: string
  dueAt: string | null
  provisional: boolean
  paused: boolean
  workingDaysLeft: number | null
  warnAt?: string | null
}

export interface HistoryEntry {
  sequence: number
  type: string
  at: string
  actorId: string
  actorName: string
  taskId: string | null
  stepId: string | null
  actionId: string | null
  opinion: string | null
  data: Record<string, unknown>
  summary: string
  previousHash: string
  hash: string
}

export interface ChainVerification {
  valid: boolean
  checked: number
  brokenAtSequence: number | null
  reason: string | null
}

export interface DefinitionSummary {
  id: string
  version: number
  name: string
  category: string | null
  description: string | null
  steps: number
  officialSteps: number
  statutory: string | null
  promised: string | null
  stepLimitsTotal: string
  riskPoints: number
  riskLevel1: number
  checks: number
  source: string | null
  /** published, or draft for the newest version of a flow not yet published (designer list) */
  status?: string
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

export interface AlertDto {
  id: number
  caseId: string
  caseNo: string
  caseTitle: string
  definitionId: string
  taskId: string | null
  stepId: string | null
  stepName: string | null
  level: 'yellow' | 'red'
  limit: string
  dueAt: string
  raisedAt: string
  provisional: boolean
  status: 'open' | 'acknowledged'
  acknowledgedBy: string | null
  acknowledgedAt: string | null
}

export interface OpenDeadline {
  caseId: string
  caseNo: string
  title: string
  definitionId: string
  definitionName: string
  category: string | null
  limit: string
  taskId: string | null
  stepName: string | null
  duration: string
  dueAt: string
  warnAt: string | null
  provisional: boolean
  paused: boolean
  state: string
}

export interface OnTimeStat {
  definitionId: string
  definitionName: string
  category: string | null
  month: string
  closed: number
  onTime: number
}

export interface RiskEventDto {
  id: number
  caseId: string
  definitionId: string
  riskPointId: string
  level: number
  riskText: string
  checkName: string
  stepId: string
  stepName: string
  taskId: string | null
  actorId: string
  actorName: string
  at: string
  message: string
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
  description: string
}

// ---- The flow definition format (docs/definition-format.md) ----

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
  outcomes?: { passed?: string; rejected?: string; deferred?: string }
  [key: string]: unknown
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
  [key: string]: unknown
}
