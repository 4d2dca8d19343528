import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from './stores/auth'

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    public?: boolean
    bare?: boolean
    need?: 'official' | 'supervisor' | 'process-owner' | 'admin'
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', component: () => import('./views/LoginView.vue'), meta: { public: true, bare: true, title: '登录' } },
  { path: '/', redirect: () => useAuthStore().home },
  { path: '/tasks', component: () => import('./views/WorkListView.vue'), meta: { title: '待办事项', need: 'official' } },
  { path: '/intake', component: () => import('./views/IntakeView.vue'), meta: { title: '收件受理', need: 'official' } },
  { path: '/delegations', component: () => import('./views/DelegationsView.vue'), meta: { title: '我的委托', need: 'official' } },
  { path: '/cases', component: () => import('./views/CaseListView.vue'), meta: { title: '案件查询' } },
  { path: '/cases/:id', component: () => import('./views/CaseView.vue'), meta: { title: '案件详情' } },
  { path: '/print/:kind/:id', component: () => import('./views/PrintView.vue'), meta: { title: '文书打印', bare: true } },
  { path: '/flows', component: () => import('./views/FlowCatalogView.vue'), meta: { title: '流程目录' } },
  { path: '/flows/:id', component: () => import('./views/FlowView.vue'), meta: { title: '流程详情' } },
  { path: '/supervision', component: () => import('./views/SupervisionView.vue'), meta: { title: '电子监察', need: 'supervisor' } },
  { path: '/reports/monthly', component: () => import('./views/MonthlyReportView.vue'), meta: { title: '月度督办报告', bare: true } },
  { path: '/designer', component: () => import('./views/DesignerListView.vue'), meta: { title: '流程设计', need: 'process-owner' } },
  { path: '/designer/:id/:version', component: () => import('./views/DesignerView.vue'), meta: { title: '流程设计器', need: 'process-owner' } },
  { path: '/designer/:id/simulate', component: () => import('./views/SimulationView.vue'), meta: { title: '模拟运行', need: 'process-owner' } },
  { path: '/flows/:flowId/migrate', component: () => import('./views/MigrationView.vue'), meta: { title: '案件迁移', need: 'process-owner' } },
  { path: '/designer/:id/compare/:a/:b', component: () => import('./views/CompareView.vue'), meta: { title: '版本比较', need: 'process-owner' } },
  { path: '/organisation', component: () => import('./views/OrganisationView.vue'), meta: { title: '组织机构', need: 'admin' } },
  { path: '/document-settings', component: () => import('./views/DocumentSettingsView.vue'), meta: { title: '文书设置', need: 'admin' } },
  { path: '/calendar', component: () => import('./views/CalendarView.vue'), meta: { title: '工作日历' } },
  // A leader's approvals on a phone: the work list, the case and its actions, without the desktop frame.
  { path: '/m', redirect: '/m/tasks' },
  { path: '/m/tasks', component: () => import('./views/mobile/MobileTasksView.vue'), meta: { title: '待办', bare: true, need: 'official' } },
  { path: '/m/cases/:id', component: () => import('./views/mobile/MobileCaseView.vue'), meta: { title: '案件', bare: true } },
  { path: '/:pathMatch(.*)*', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  if (!auth.checked) await auth.fetchMe().catch(() => undefined)
  if (to.meta.public) return auth.signedIn && to.path === '/login' ? auth.home : true
  if (!auth.signedIn) return { path: '/login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  if (!auth.allows(to.meta.need)) return auth.home
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title ? to.meta.title + ' - ' : ''}行政审批与电子监察工作流平台`
})
