import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/RequireAuth';
import { Layout } from './components/Layout';
import { AccountPage } from './pages/AccountPage';
import { AnalysesPage } from './pages/AnalysesPage';
import { ConfirmEmailChangePage } from './pages/ConfirmEmailChangePage';
import { DashboardPage } from './pages/DashboardPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { LandingPage } from './pages/LandingPage';
import { LetterPage } from './pages/LetterPage';
import { LoginPage } from './pages/LoginPage';
import { NewLetterPage } from './pages/NewLetterPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlanPage } from './pages/PlanPage';
import { RegisterPage } from './pages/RegisterPage';
import { ResetPasswordPage } from './pages/ResetPasswordPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<LandingPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="confirm-email-change" element={<ConfirmEmailChangePage />} />
        {/* Everything below needs a session; anyone else is sent to /login?next=… */}
        <Route element={<RequireAuth />}>
          <Route path="app" element={<DashboardPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="letters/new" element={<NewLetterPage />} />
          <Route path="letters/:id" element={<LetterPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="analyses" element={<AnalysesPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
