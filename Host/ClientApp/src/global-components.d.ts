// Components registered by name in main.ts, typed for templates.
import type BatchItems from './components/BatchItems.vue'

declare module 'vue' {
  interface GlobalComponents {
    BatchItems: typeof BatchItems
  }
}

export {}
