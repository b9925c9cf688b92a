import { createApp } from 'vue';
import { createRouter, createWebHistory } from 'vue-router';
import App from './App.vue';
import Promo from './pages/Promo.vue';
import Profile from './pages/Profile.vue';

const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: Promo },
    { path: '/me', component: Profile },
  ],
});

createApp(App).use(router).mount('#app');
