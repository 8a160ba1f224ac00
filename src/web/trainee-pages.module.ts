import { Module } from '@nestjs/common';
import { CertificatesModule } from '../certificates/certificates.module';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { HoursModule } from '../hours/hours.module';
import { LearningModule } from '../learning/learning.module';
import { OverviewModule } from '../overview/overview.module';
import { QuizzesModule } from '../quizzes/quizzes.module';
import { TeachingModule } from '../teaching/teaching.module';
import { UsersModule } from '../users/users.module';
import { CertificatesPagesController } from './certificates/certificates-pages.controller';
import { ChecklistController } from './checklist/checklist.controller';
import { HomeController } from './home/home.controller';
import { HoursPagesController } from './hours/hours.controller';
import { LearnController } from './learn/learn.controller';
import { ProfileController } from './profile/profile.controller';
import { QuizController } from './quiz/quiz.controller';

/** The trainee's pages: home, learning, quizzes, hours, checklist, certificates, profile. */
@Module({
  imports: [OverviewModule, LearningModule, QuizzesModule, HoursModule, EligibilityModule, CertificatesModule, UsersModule, TeachingModule],
  controllers: [HomeController, LearnController, QuizController, HoursPagesController, ChecklistController, CertificatesPagesController, ProfileController],
})
export class TraineePagesModule {}
